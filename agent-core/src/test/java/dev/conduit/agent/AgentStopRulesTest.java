package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ResponseFormat;
import dev.conduit.agent.pricing.ModelPrice;
import dev.conduit.agent.pricing.Pricing;
import dev.conduit.agent.testing.ScriptedModel;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a turn's finish reason, refusal and content end a run (RELIABILITY.md b21-b25) and what a run costs. */
class AgentStopRulesTest {
  public static class Echo {
    @Tool("Echo the text")
    public String echo(@Param("Text") String text) {
      return text;
    }
  }

  private static ModelResponse response(AssistantMessage message, FinishReason reason) {
    return ModelResponse.of(message, reason, ScriptedModel.DEFAULT_USAGE);
  }

  private static Agent agent(ScriptedModel model) {
    return Agent.builder().client(model).model("m").tools(new Echo()).build();
  }

  @Test
  void lengthWithTextReturnsTheTextMarkedTruncated() {
    RunResult result = agent(ScriptedModel.builder().response(response(AssistantMessage.ofText("Half an ans"), FinishReason.LENGTH)).build())
        .run("Q");
    assertThat(result.finalText()).isEqualTo("Half an ans");
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void lengthWithoutTextFailsAsTruncated() {
    ScriptedModel model = ScriptedModel.builder().response(response(AssistantMessage.ofText(""), FinishReason.LENGTH)).build();
    assertThatThrownBy(() -> agent(model).run("Q")).isInstanceOf(OutputTruncatedException.class)
        .hasMessageContaining("Raise ModelSettings.maxOutputTokens");
  }

  @Test
  void toolCallsCutOffByTheTokenLimitAreAnsweredWithAnErrorAndNotRun() {
    ScriptedModel model = ScriptedModel.builder()
        .response(response(AssistantMessage.ofToolCalls(List.of(new ToolCall("c1", "echo", "{\"text\":\"ab"))), FinishReason.LENGTH))
        .text("ok")
        .build();
    RunResult result = agent(model).run("Q");
    ToolResult fed = (ToolResult) result.messages().get(2);
    assertThat(fed.isError()).isTrue();
    assertThat(fed.content()).startsWith("Error: the arguments were cut off by the output token limit");
  }

  @Test
  void contentFilterFailsTheRun() {
    ScriptedModel model = ScriptedModel.builder().response(response(AssistantMessage.ofText(""), FinishReason.CONTENT_FILTER)).build();
    assertThatThrownBy(() -> agent(model).run("Q")).isInstanceOf(ContentFilteredException.class);
  }

  @Test
  void aRefusalFailsTheRunWithTheModelsWords() {
    AssistantMessage refusal = new AssistantMessage("", List.of(), List.of(), Optional.of("I can't help with that."));
    ScriptedModel model = ScriptedModel.builder().response(response(refusal, FinishReason.STOP)).build();
    assertThatThrownBy(() -> agent(model).run("Q"))
        .isInstanceOfSatisfying(ModelRefusalException.class, e -> assertThat(e.refusal()).isEqualTo("I can't help with that."));
  }

  @Test
  void anEmptyAnswerFailsUnlessAllowed() {
    ModelResponse empty = response(AssistantMessage.ofText(""), FinishReason.STOP);
    assertThatThrownBy(() -> agent(ScriptedModel.builder().response(empty).build()).run("Q"))
        .isInstanceOf(EmptyResponseException.class);
    Agent lenient = agent(ScriptedModel.builder().response(empty).build()).toBuilder().allowEmptyAnswer().build();
    assertThat(lenient.run("Q").finalText()).isEmpty();
  }

  @Test
  void toolCallsFinishWithoutToolCallsIsAModelBehaviorError() {
    ScriptedModel model = ScriptedModel.builder().response(response(AssistantMessage.ofText(""), FinishReason.TOOL_CALLS)).build();
    assertThatThrownBy(() -> agent(model).run("Q")).isInstanceOf(ModelBehaviorException.class)
        .hasMessageContaining("finish_reason tool_calls but contained no tool calls");
  }

  @Test
  void duplicateToolCallIdsAreAModelBehaviorError() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(new ToolCall("same", "echo", "{\"text\":\"a\"}"), new ToolCall("same", "echo", "{\"text\":\"b\"}"))
        .build();
    assertThatThrownBy(() -> agent(model).run("Q")).isInstanceOf(ModelBehaviorException.class)
        .hasMessage("The model sent two tool calls with the id 'same'.");
  }

  @Test
  void costIsComputedFromPricesPerMillionTokens() {
    Agent agent = agent(ScriptedModel.builder().text("Hi").build()).toBuilder()
        .pricing(Pricing.of("m", ModelPrice.perMillion("0.265", "2.206")))
        .build();
    RunResult result = agent.run("Q");
    // (100 × 0.265 + 20 × 2.206) / 1,000,000
    assertThat(result.cost()).get().isEqualTo(new BigDecimal("0.00007062"));
  }

  public record Report(String city, int temperature) {}

  @Test
  void structuredOutputAsksForTheSchemaAndParsesTheAnswer() {
    ScriptedModel model = ScriptedModel.builder().text("{\"city\":\"Oslo\",\"temperature\":7}").build();
    TypedRunResult<Report> result = agent(model).run("Weather in Oslo as JSON", Report.class);

    assertThat(result.output()).isEqualTo(new Report("Oslo", 7));
    ResponseFormat format = model.requests().get(0).settings().responseFormat();
    assertThat(format).isInstanceOfSatisfying(ResponseFormat.JsonSchema.class, s -> {
      assertThat(s.name()).isEqualTo("Report");
      assertThat(s.strict()).isTrue();
      assertThat(s.schemaJson()).contains("\"city\"").contains("\"additionalProperties\":false");
    });
  }

  @Test
  void structuredOutputThatDoesNotParseShowsTheJson() {
    ScriptedModel model = ScriptedModel.builder().text("{\"city\":\"Oslo\",\"temperature\":\"warm\"}").build();
    assertThatThrownBy(() -> agent(model).run("Weather", Report.class))
        .isInstanceOfSatisfying(StructuredOutputException.class,
            e -> assertThat(e.json()).isEqualTo("{\"city\":\"Oslo\",\"temperature\":\"warm\"}"))
        .hasMessageStartingWith("The model's answer is not a valid Report (")
        .hasMessageEndingWith("): {\"city\":\"Oslo\",\"temperature\":\"warm\"}");
  }
}
