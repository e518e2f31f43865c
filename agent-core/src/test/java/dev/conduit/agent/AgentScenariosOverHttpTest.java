package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The loop's rules for the model's mistakes and for how turns end, over real HTTP on both endpoints,
 * streaming and not: what the model is told, and how the run ends.
 */
@Timeout(60)
class AgentScenariosOverHttpTest {
  @StartStop final MockWebServer server = new MockWebServer();

  public static class Tools {
    @Tool("Current temperature of a city in °C")
    public int temperature(@Param("City name") String city) {
      return 20;
    }

    @Tool("Fails on purpose")
    public String broken(@Param("Anything") String input) {
      throw new IllegalStateException("secret detail");
    }

    @Tool("Takes too long")
    public String slow(@Param("Anything") String input) throws InterruptedException {
      Thread.sleep(30_000);
      return "late";
    }
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of(Endpoint.CHAT_COMPLETIONS, false), Arguments.of(Endpoint.CHAT_COMPLETIONS, true),
        Arguments.of(Endpoint.RESPONSES, false), Arguments.of(Endpoint.RESPONSES, true));
  }

  private RunResult run(Endpoint endpoint, boolean streaming, AgentBuilder customize) {
    Agent agent = customize.build();
    return streaming ? agent.runStreaming("Go", event -> { }) : agent.run("Go");
  }

  private AgentBuilder agent(Endpoint endpoint) {
    OpenAiClient client = OpenAiClient.builder().apiKey("sk-test").baseUrl(server.url("/v1").toString()).endpoint(endpoint).build();
    return Agent.builder().client(client).model("gpt-5.1").tools(new Tools()).toolTimeout(Duration.ofMillis(300));
  }

  /** The tool results the model received in the given request, in order. */
  private List<String> toolResultsSent(Endpoint endpoint, JsonNode request) {
    List<String> results = new ArrayList<>();
    if (endpoint == Endpoint.CHAT_COMPLETIONS) {
      request.get("messages").forEach(m -> {
        if (m.get("role").asString().equals("tool")) {
          results.add(m.get("content").asString());
        }
      });
    } else {
      request.get("input").forEach(i -> {
        if (i.path("type").asString().equals("function_call_output")) {
          results.add(i.get("output").asString());
        }
      });
    }
    return results;
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void theModelsMistakesGoBackToItAsToolResultsItCanActOn(Endpoint endpoint, boolean streaming) throws Exception {
    OpenAiWire wire = new OpenAiWire(endpoint, streaming);
    server.enqueue(wire.toolCalls(
        new ToolCall("c1", "forecast", "{}"),
        new ToolCall("c2", "temperature", "{\"city\":"),
        new ToolCall("c3", "temperature", "{\"city\":5}"),
        new ToolCall("c4", "broken", "{\"input\":\"x\"}"),
        new ToolCall("c5", "slow", "{\"input\":\"x\"}"),
        new ToolCall("c6", "temperature", "{\"city\":\"Oslo\"}")));
    server.enqueue(wire.text("Oslo is 20 °C; the rest failed."));

    RunResult result = run(endpoint, streaming, agent(endpoint));

    assertThat(result.finalText()).isEqualTo("Oslo is 20 °C; the rest failed.");
    server.takeRequest();
    List<String> sent = toolResultsSent(endpoint, Json.MAPPER.readTree(server.takeRequest().getBody().utf8()));
    assertThat(sent).hasSize(6);
    assertThat(sent.get(0)).isEqualTo("Error: no tool named 'forecast'. Available tools: broken, slow, temperature.");
    assertThat(sent.get(1)).startsWith("Error: arguments for 'temperature' are not valid JSON (")
        .endsWith("). Call again with a JSON object.");
    assertThat(sent.get(2)).isEqualTo("Error: arguments for 'temperature' do not match its schema: "
        + "$.city: integer found, string expected. Call again with corrected arguments.");
    assertThat(sent.get(3)).isEqualTo("Error: tool 'broken' failed (IllegalStateException).");
    assertThat(sent.get(4)).isEqualTo("Tool 'slow' timed out after 300 ms.");
    assertThat(sent.get(5)).isEqualTo("20");
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void textCutOffByTheTokenLimitIsReturnedMarkedTruncated(Endpoint endpoint, boolean streaming) {
    server.enqueue(new OpenAiWire(endpoint, streaming).cutOff("The answer is forty"));
    RunResult result = run(endpoint, streaming, agent(endpoint));
    assertThat(result.finalText()).isEqualTo("The answer is forty");
    assertThat(result.truncated()).isTrue();
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void toolCallsCutOffByTheTokenLimitAreNotRun(Endpoint endpoint, boolean streaming) throws Exception {
    OpenAiWire wire = new OpenAiWire(endpoint, streaming);
    server.enqueue(wire.cutOff(new ToolCall("c1", "temperature", "{\"city\":\"Os")));
    server.enqueue(wire.text("Sorry."));
    run(endpoint, streaming, agent(endpoint));
    server.takeRequest();
    assertThat(toolResultsSent(endpoint, Json.MAPPER.readTree(server.takeRequest().getBody().utf8())))
        .singleElement().asString().startsWith("Error: the arguments were cut off by the output token limit");
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void nothingButTheTokenLimitIsAnOutputTruncatedError(Endpoint endpoint, boolean streaming) {
    server.enqueue(new OpenAiWire(endpoint, streaming).cutOff(""));
    assertThatThrownBy(() -> run(endpoint, streaming, agent(endpoint))).isInstanceOf(OutputTruncatedException.class);
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void theContentFilterEndsTheRun(Endpoint endpoint, boolean streaming) {
    server.enqueue(new OpenAiWire(endpoint, streaming).filtered());
    assertThatThrownBy(() -> run(endpoint, streaming, agent(endpoint))).isInstanceOf(ContentFilteredException.class);
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void aRefusalEndsTheRunWithTheModelsWords(Endpoint endpoint, boolean streaming) {
    server.enqueue(new OpenAiWire(endpoint, streaming).refusal("I can't help with that."));
    assertThatThrownBy(() -> run(endpoint, streaming, agent(endpoint)))
        .isInstanceOfSatisfying(ModelRefusalException.class, e -> assertThat(e.refusal()).isEqualTo("I can't help with that."));
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void aModelThatNeverStopsCallingToolsEndsAtMaxTurns(Endpoint endpoint, boolean streaming) {
    OpenAiWire wire = new OpenAiWire(endpoint, streaming);
    for (int i = 0; i < 3; i++) {
      server.enqueue(wire.toolCalls(new ToolCall("c" + i, "temperature", "{\"city\":\"Oslo\"}")));
    }
    assertThatThrownBy(() -> run(endpoint, streaming, agent(endpoint).maxTurns(3)))
        .isInstanceOfSatisfying(MaxTurnsExceededException.class, e -> assertThat(e.messages()).hasSize(7));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
