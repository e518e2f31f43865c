package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.SystemMessage;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.testing.ScriptedModel;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentLoopTest {
  public static class Weather {
    @Tool("Current weather for a city")
    public String weather(@Param("City name") String city) {
      return "sunny in " + city;
    }

    @Tool("Fails on purpose")
    public String broken(@Param("Anything") String input) {
      throw new IllegalStateException("database password is hunter2");
    }
  }

  private static ToolCall call(String id, String name, String args) {
    return new ToolCall(id, name, args);
  }

  private static AgentBuilder agent(ScriptedModel model) {
    return Agent.builder().client(model).model("test-model").instructions("Be brief.").tools(new Weather());
  }

  @Test
  void finalAnswerWithoutToolCallsEndsTheRunInOneTurn() {
    ScriptedModel model = ScriptedModel.builder().text("Hello!").build();
    RunResult result = agent(model).build().run("Hi");

    assertThat(result.finalText()).isEqualTo("Hello!");
    assertThat(result.turns()).isEqualTo(1);
    assertThat(result.messages()).containsExactly(
        new SystemMessage("Be brief."), UserMessage.of("Hi"), AssistantMessage.ofText("Hello!"));
    assertThat(model.requests().get(0).tools()).extracting(d -> d.name()).containsExactlyInAnyOrder("weather", "broken");
  }

  @Test
  void toolResultsGoBackToTheModelInCallOrderAndTheRunEndsOnTheAnswer() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "weather", "{\"city\":\"Tokyo\"}"), call("c2", "weather", "{\"city\":\"Paris\"}"))
        .text("Sunny in both.")
        .build();
    RunResult result = agent(model).build().run("Weather in Tokyo and Paris?");

    assertThat(result.finalText()).isEqualTo("Sunny in both.");
    assertThat(result.turns()).isEqualTo(2);
    List<Message> second = model.requests().get(1).messages();
    assertThat(second.subList(second.size() - 2, second.size())).containsExactly(
        new ToolResult("c1", "weather", "sunny in Tokyo", false),
        new ToolResult("c2", "weather", "sunny in Paris", false));
  }

  @Test
  void unknownToolGoesBackToTheModelNamingTheAvailableTools() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "forecast", "{}"))
        .text("Sorry.")
        .build();
    RunResult result = agent(model).build().run("Forecast?");

    ToolResult fed = (ToolResult) result.messages().get(3);
    assertThat(fed.isError()).isTrue();
    assertThat(fed.content()).isEqualTo("Error: no tool named 'forecast'. Available tools: broken, weather.");
  }

  @Test
  void throwingToolIsReportedToTheModelWithoutItsMessageAndToListenersWithTheException() {
    List<AgentEvent> events = new ArrayList<>();
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "broken", "{\"input\":\"x\"}"))
        .text("It failed.")
        .build();
    RunResult result = agent(model).listener(events::add).build().run("Try it");

    ToolResult fed = (ToolResult) result.messages().get(3);
    assertThat(fed.content()).isEqualTo("Error: tool 'broken' failed (IllegalStateException).").doesNotContain("hunter2");
    AgentEvent.ToolCallFailed failed = events.stream()
        .filter(AgentEvent.ToolCallFailed.class::isInstance).map(AgentEvent.ToolCallFailed.class::cast).findFirst().orElseThrow();
    assertThat(failed.error()).get().isInstanceOf(IllegalStateException.class);
    assertThat(failed.call().id()).isEqualTo("c1");
  }

  @Test
  void maxTurnsEndsALoopingModelWithTheConversationSoFar() {
    ScriptedModel model = ScriptedModel.answering(r -> ScriptedModel.Turn.toolCalls(
        call("c" + r.messages().size(), "weather", "{\"city\":\"Oslo\"}")));
    Agent agent = agent(model).maxTurns(3).build();

    assertThatThrownBy(() -> agent.run("Loop"))
        .isInstanceOfSatisfying(MaxTurnsExceededException.class, e -> {
          assertThat(e.maxTurns()).isEqualTo(3);
          assertThat(e.messages()).filteredOn(ToolResult.class::isInstance).hasSize(3);
          assertThat(e.usage()).isEqualTo(new Usage(300, 60, 0, 0));
        })
        .hasMessageContaining("Max turns (3) exceeded");
  }

  @Test
  void threeTurnsInARowOfFailedToolCallsEndTheRun() {
    ScriptedModel model = ScriptedModel.answering(r -> ScriptedModel.Turn.toolCalls(
        call("c" + r.messages().size(), "nope", "{}")));
    Agent agent = agent(model).build();

    assertThatThrownBy(() -> agent.run("Go"))
        .isInstanceOf(ModelBehaviorException.class)
        .hasMessageContaining("all failed 3 turns in a row")
        .hasMessageContaining("no tool named 'nope'");
    assertThat(model.requests()).hasSize(3);
  }

  @Test
  void aSuccessfulStopAtToolResultIsTheFinalAnswerWithoutAnotherModelCall() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "broken", "{\"input\":\"x\"}"), call("c2", "weather", "{\"city\":\"Lima\"}"))
        .build();
    RunResult result = agent(model).stopAtTools("weather").build().run("Weather in Lima?");

    assertThat(result.finalText()).isEqualTo("sunny in Lima");
    assertThat(result.turns()).isEqualTo(1);
    assertThat(result.messages()).filteredOn(ToolResult.class::isInstance).hasSize(2);
  }

  @Test
  void stopAtToolNamingNoToolFailsTheBuild() {
    assertThatThrownBy(() -> agent(ScriptedModel.builder().build()).stopAtTools("missing").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopAtTools names 'missing', which is not a tool of this agent");
  }

  @Test
  void buildListsEveryMissingSettingAtOnce() {
    assertThatThrownBy(() -> Agent.builder().maxTurns(0).toolConcurrency(0).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agent cannot be built (4 problems):\n"
            + "- client is required: pass an OpenAiClient, a ScriptedModel or another ModelClient to client(...)\n"
            + "- model is required: name the model, e.g. model(\"gpt-5.1\")\n"
            + "- maxTurns must be at least 1, got 0\n"
            + "- toolConcurrency must be at least 1, got 0");
  }

  @Test
  void blankOrEmptyInputIsRejectedBeforeAnyModelCall() {
    ScriptedModel model = ScriptedModel.builder().text("x").build();
    Agent agent = agent(model).build();
    assertThatThrownBy(() -> agent.run("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input is blank");
    assertThatThrownBy(() -> agent.run(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input is empty");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void aConversationContinuesFromTheMessagesOfTheLastResult() {
    ScriptedModel model = ScriptedModel.builder().text("Hi Ann.").text("You are Ann.").build();
    Agent agent = agent(model).build();
    RunResult first = agent.run("I am Ann.");
    List<Message> next = new ArrayList<>(first.messages());
    next.add(UserMessage.of("Who am I?"));
    RunResult second = agent.run(next);

    assertThat(second.finalText()).isEqualTo("You are Ann.");
    assertThat(model.requests().get(1).messages()).hasSize(4).first().isEqualTo(new SystemMessage("Be brief."));
  }

  @Test
  void usageIsSummedOverTurnsAndKeptPerTurn() {
    ScriptedModel model = ScriptedModel.builder()
        .response(ModelResponse.of(AssistantMessage.ofToolCalls(List.of(call("c1", "weather", "{\"city\":\"Rome\"}"))),
            FinishReason.TOOL_CALLS, new Usage(1000, 50, 200, 30)))
        .response(ModelResponse.of(AssistantMessage.ofText("Sunny."), FinishReason.STOP, new Usage(1200, 10, 1000, 0)))
        .build();
    RunResult result = agent(model).build().run("Rome?");

    assertThat(result.usage()).isEqualTo(new Usage(2200, 60, 1200, 30));
    assertThat(result.turnUsages()).containsExactly(new Usage(1000, 50, 200, 30), new Usage(1200, 10, 1000, 0));
    assertThat(result.cost()).isEmpty();
  }

  @Test
  void modelFailureAfterToolsRanKeepsTheToolResults() {
    ModelApiException boom = new ModelApiException("server error", 500, Optional.of("server_error"), Optional.empty(),
        Optional.empty(), Optional.of("req_1"));
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "weather", "{\"city\":\"Rome\"}"))
        .failure(boom)
        .build();

    assertThatThrownBy(() -> agent(model).build().run("Rome?"))
        .isInstanceOfSatisfying(ModelCallException.class, e -> {
          assertThat(e.getCause()).isSameAs(boom);
          assertThat(e.messages()).last().isEqualTo(new ToolResult("c1", "weather", "sunny in Rome", false));
        })
        .hasMessage("Model call failed on turn 2: server error");
  }

  @Test
  void aThrowingListenerDoesNotBreakTheRun() {
    ScriptedModel model = ScriptedModel.builder().text("Fine.").build();
    RunResult result = agent(model).listener(e -> {
      throw new IllegalStateException("listener bug");
    }).build().run("Hi");
    assertThat(result.finalText()).isEqualTo("Fine.");
  }

  @Test
  void toolCallsPastTheRunLimitAreAnsweredThenTheRunStops() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "weather", "{\"city\":\"A\"}"), call("c2", "weather", "{\"city\":\"B\"}"),
            call("c3", "weather", "{\"city\":\"C\"}"))
        .build();
    assertThatThrownBy(() -> agent(model).toolCallLimits(2, 10).build().run("Go"))
        .isInstanceOfSatisfying(ToolCallLimitExceededException.class, e ->
            assertThat(e.messages()).filteredOn(ToolResult.class::isInstance).hasSize(3)
                .allMatch(m -> ((ToolResult) m).isError()))
        .hasMessageContaining("called 'weather' 3 times in this run; the limit per tool is 2");
  }
}
