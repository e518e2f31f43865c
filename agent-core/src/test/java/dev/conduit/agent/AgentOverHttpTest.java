package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The whole loop over real HTTP: OpenAiClient against MockWebServer, on both endpoints, streaming and not. */
@Timeout(60)
class AgentOverHttpTest {
  @StartStop final MockWebServer server = new MockWebServer();

  public static class CityTools {
    @Tool("Current temperature of a city in °C")
    public int temperature(@Param("City name") String city) {
      return city.length() * 3;
    }
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of(Endpoint.CHAT_COMPLETIONS, false), Arguments.of(Endpoint.CHAT_COMPLETIONS, true),
        Arguments.of(Endpoint.RESPONSES, false), Arguments.of(Endpoint.RESPONSES, true));
  }

  private Agent agent(Endpoint endpoint) {
    OpenAiClient client = OpenAiClient.builder().apiKey("sk-test").baseUrl(server.url("/v1").toString()).endpoint(endpoint).build();
    return Agent.builder().client(client).model("gpt-5.1").instructions("Answer briefly.").tools(new CityTools()).build();
  }

  private static RunResult run(Agent agent, String question, boolean streaming, List<AgentEvent> events) {
    return streaming ? agent.runStreaming(question, events::add) : agent.toBuilder().listener(events::add).build().run(question);
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void agentRunsTheModelsParallelToolCallsAndFeedsResultsBackByCallId(Endpoint endpoint, boolean streaming) throws Exception {
    OpenAiWire wire = new OpenAiWire(endpoint, streaming);
    server.enqueue(wire.toolCalls(new ToolCall("call_a", "temperature", "{\"city\":\"Tokyo\"}"),
        new ToolCall("call_b", "temperature", "{\"city\":\"Paris\"}")));
    server.enqueue(wire.text("Tokyo 15 °C, Paris 15 °C."));
    List<AgentEvent> events = Collections.synchronizedList(new ArrayList<>());

    RunResult result = run(agent(endpoint), "Temperatures in Tokyo and Paris?", streaming, events);

    assertThat(result.finalText()).isEqualTo("Tokyo 15 °C, Paris 15 °C.");
    assertThat(result.turns()).isEqualTo(2);
    assertThat(result.usage()).isEqualTo(new Usage(200, 40, 80, 10));
    JsonNode first = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
    JsonNode second = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
    assertThat(first.get("stream") != null && first.get("stream").asBoolean()).isEqualTo(streaming);
    if (endpoint == Endpoint.CHAT_COMPLETIONS) {
      assertThat(first.at("/tools/0/function/name").asString()).isEqualTo("temperature");
      assertThat(first.at("/messages/0/role").asString()).isEqualTo("system");
      List<String> toolMessages = second.get("messages").valueStream()
          .filter(m -> m.get("role").asString().equals("tool"))
          .map(m -> m.get("tool_call_id").asString() + "=" + m.get("content").asString()).toList();
      assertThat(toolMessages).containsExactly("call_a=15", "call_b=15");
      assertThat(second.at("/messages/2/tool_calls/1/id").asString()).isEqualTo("call_b");
    } else {
      assertThat(first.at("/tools/0/name").asString()).isEqualTo("temperature");
      assertThat(first.at("/tools/0/strict").asBoolean()).isTrue();
      List<String> outputs = second.get("input").valueStream()
          .filter(i -> i.path("type").asString().equals("function_call_output"))
          .map(i -> i.get("call_id").asString() + "=" + i.get("output").asString()).toList();
      assertThat(outputs).containsExactly("call_a=15", "call_b=15");
      assertThat(second.get("input").valueStream().filter(i -> i.path("type").asString().equals("function_call")).count())
          .isEqualTo(2);
    }
    if (streaming) {
      String streamed = events.stream().filter(AgentEvent.TextDelta.class::isInstance)
          .map(e -> ((AgentEvent.TextDelta) e).text()).collect(Collectors.joining());
      assertThat(streamed).isEqualTo(result.finalText());
      assertThat(events).filteredOn(AgentEvent.ToolCallDelta.class::isInstance).isNotEmpty();
    }
    assertThat(events).filteredOn(AgentEvent.ToolCallFinished.class::isInstance).hasSize(2);
  }

  public record CityReport(String city, int temperatureC) {}

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void structuredOutputIsRequestedWithAStrictSchemaAndParsed(Endpoint endpoint, boolean streaming) throws Exception {
    OpenAiWire wire = new OpenAiWire(endpoint, streaming);
    server.enqueue(wire.text("{\"city\":\"Oslo\",\"temperatureC\":7}"));
    Agent agent = agent(endpoint);

    CityReport report = streaming
        ? agent.runStreaming("Oslo?", CityReport.class, event -> { }).output()
        : agent.run("Oslo?", CityReport.class).output();

    assertThat(report).isEqualTo(new CityReport("Oslo", 7));
    JsonNode body = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
    JsonNode format = endpoint == Endpoint.CHAT_COMPLETIONS ? body.get("response_format") : body.at("/text/format");
    assertThat(format.path("type").asString()).isEqualTo("json_schema");
    JsonNode schema = endpoint == Endpoint.CHAT_COMPLETIONS ? format.at("/json_schema/schema") : format.get("schema");
    assertThat(schema.at("/properties/temperatureC/type").asString()).isEqualTo("integer");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
  }

  @Test
  void cancellingARunCancelsItsHttpCallAndReleasesTheConnection() throws Exception {
    OkHttpClient http = new OkHttpClient();
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("{}").build());
    OpenAiClient client = OpenAiClient.builder().apiKey("sk-test").baseUrl(server.url("/v1").toString())
        .endpoint(Endpoint.CHAT_COMPLETIONS).httpClient(http).build();
    Agent agent = Agent.builder().client(client).model("gpt-5.1").build();

    CompletableFuture<RunResult> run = agent.runAsync("Hello?");
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    run.cancel(true);

    assertThatThrownBy(run::join).isInstanceOf(CancellationException.class);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(http.dispatcher().runningCallsCount()).isZero();
      assertThat(http.connectionPool().connectionCount()).isZero();
    });
  }

  @ParameterizedTest(name = "{0} streaming={1}")
  @MethodSource("endpoints")
  void reasoningIsKeptInTheResultAndStreamedAsEvents(Endpoint endpoint, boolean streaming) {
    OpenAiWire wire = new OpenAiWire(endpoint, streaming, "Two cities, two calls.");
    server.enqueue(wire.toolCalls(new ToolCall("call_a", "temperature", "{\"city\":\"Rome\"}")));
    server.enqueue(wire.text("Rome: 12 °C."));
    List<AgentEvent> events = Collections.synchronizedList(new ArrayList<>());

    RunResult result = run(agent(endpoint), "Rome?", streaming, events);

    assertThat(result.reasoning()).hasSize(2).allSatisfy(r -> assertThat(r.displayText()).isEqualTo("Two cities, two calls."));
    if (streaming) {
      assertThat(events).filteredOn(AgentEvent.ReasoningDelta.class::isInstance)
          .extracting(e -> ((AgentEvent.ReasoningDelta) e).text()).containsExactly("Two cities,", " two calls.", "Two cities,", " two calls.");
    }
  }

  @ParameterizedTest(name = "streaming={0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void responsesRunsAreStatelessByDefaultReplayingReasoningItems(boolean streaming) throws Exception {
    OpenAiWire wire = new OpenAiWire(Endpoint.RESPONSES, streaming, "Think.");
    server.enqueue(wire.toolCalls(new ToolCall("call_a", "temperature", "{\"city\":\"Rome\"}")));
    server.enqueue(wire.text("Rome: 12 °C."));

    run(agent(Endpoint.RESPONSES), "Rome?", streaming, new ArrayList<>());

    server.takeRequest();
    JsonNode second = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
    assertThat(second.has("previous_response_id")).isFalse();
    List<String> types = second.get("input").valueStream().map(i -> i.path("type").asString("message")).toList();
    assertThat(types).containsExactly("message", "reasoning", "function_call", "function_call_output");
    assertThat(second.at("/input/1/encrypted_content").asString()).isEqualTo("enc_resp_1");
  }

  @ParameterizedTest(name = "streaming={0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void serverSideStateSendsOnlyNewItemsWithThePreviousResponseId(boolean streaming) throws Exception {
    OpenAiWire wire = new OpenAiWire(Endpoint.RESPONSES, streaming);
    server.enqueue(wire.toolCalls(new ToolCall("call_a", "temperature", "{\"city\":\"Rome\"}")));
    server.enqueue(wire.text("Rome: 12 °C."));
    Agent agent = agent(Endpoint.RESPONSES).toBuilder().serverSideState().build();

    RunResult result = run(agent, "Rome?", streaming, new ArrayList<>());

    JsonNode first = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
    JsonNode second = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
    assertThat(first.get("store").asBoolean()).isTrue();
    assertThat(first.has("previous_response_id")).isFalse();
    assertThat(second.get("previous_response_id").asString()).isEqualTo("resp_1");
    assertThat(second.get("input").valueStream().map(i -> i.path("type").asString()).toList())
        .containsExactly("function_call_output");
    assertThat(result.lastResponseId()).contains("resp_2");
  }
}
