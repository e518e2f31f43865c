package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.model.ModelResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded real streams, replayed whole and re-chunked at random byte offsets. */
@Timeout(30)
class RecordedStreamsTest {
  private static final String CHAT_TEXT = "recorded/chat_completion_stream_text.sse";
  private static final String CHAT_ONE_CALL = "recorded/chat_completion_stream_single_tool_call.sse";
  private static final String CHAT_TWO_CALLS = "recorded/chat_completion_stream_parallel_tool_calls.sse";
  private static final String TURN1 = "recorded/responses_stream_tool_loop.turn1_reasoning_function_call.sse";
  private static final String TURN2 = "recorded/responses_stream_tool_loop.turn2_function_call.sse";
  private static final String TURN4 = "recorded/responses_stream_tool_loop.turn4_output_text.sse";

  @StartStop final MockWebServer server = new MockWebServer();

  private ModelResponse stream(Endpoint endpoint, MockResponse response, RecordingListener listener) throws Exception {
    server.enqueue(response);
    return Wire.client(server, endpoint).build().stream(Requests.simple("Go"), listener);
  }

  @Test
  void chatTextStreamGivesTheWholeTextUsageAndIds() throws Exception {
    RecordingListener listener = new RecordingListener();
    ModelResponse r = stream(Endpoint.CHAT_COMPLETIONS, Wire.sse(Wire.resource(CHAT_TEXT)), listener);

    String text = "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, "
        + "I recommend checking a reliable weather website or a weather app.";
    assertThat(r.message().text()).isEqualTo(text);
    assertThat(listener.joined("text:")).isEqualTo(text);
    assertThat(listener.events).first().isEqualTo("text:I'm");
    assertThat(listener.threads).containsOnly(Thread.currentThread());
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(r.usage()).isEqualTo(new Usage(14, 30, 0, 0));
    assertThat(r.responseId()).contains("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL");
    assertThat(r.model()).contains("gpt-4o-2024-08-06");
    assertThat(r.requestId()).contains("req_stream");
  }

  @Test
  void chatParallelToolCallsAreAssembledByIndex() throws Exception {
    RecordingListener listener = new RecordingListener();
    ModelResponse r = stream(Endpoint.CHAT_COMPLETIONS, Wire.sse(Wire.resource(CHAT_TWO_CALLS)), listener);

    assertThat(r.toolCalls()).containsExactly(
        new ToolCall("call_JMW1whyEaYG438VE1OIflxA2", "GetWeatherArgs",
            "{\"city\": \"Edinburgh\", \"country\": \"GB\", \"units\": \"c\"}"),
        new ToolCall("call_DNYTawLBoN8fj3KN6qU9N1Ou", "get_stock_price",
            "{\"ticker\": \"AAPL\", \"exchange\": \"NASDAQ\"}"));
    assertThat(listener.starts()).containsExactly(
        "start:0:call_JMW1whyEaYG438VE1OIflxA2:GetWeatherArgs", "start:1:call_DNYTawLBoN8fj3KN6qU9N1Ou:get_stock_price");
    assertThat(listener.arguments()).isEqualTo(Map.of(0, r.toolCalls().get(0).argumentsJson(),
        1, r.toolCalls().get(1).argumentsJson()));
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(r.usage()).isEqualTo(new Usage(149, 60, 0, 0));
    assertThat(r.message().text()).isEmpty();
  }

  @Test
  void chatSingleToolCallStream() throws Exception {
    ModelResponse r = stream(Endpoint.CHAT_COMPLETIONS, Wire.sse(Wire.resource(CHAT_ONE_CALL)), new RecordingListener());

    assertThat(r.toolCalls()).containsExactly(new ToolCall("call_c91SqDXlYFuETYv8mUHzz6pp", "GetWeatherArgs",
        "{\"city\":\"Edinburgh\",\"country\":\"UK\",\"units\":\"c\"}"));
    assertThat(r.usage()).isEqualTo(new Usage(76, 24, 0, 0));
  }

  @Test
  void responsesReasoningThenFunctionCall() throws Exception {
    RecordingListener listener = new RecordingListener();
    ModelResponse r = stream(Endpoint.RESPONSES, Wire.sse(Wire.resource(TURN1)), listener);

    String summary = "**Calculating step-by-step using calculator**\n\nI'll compute 12 plus 7, then multiply the result "
        + "by 3, and finally multiply that by 10, reporting the final product.";
    assertThat(listener.joined("reasoning:")).isEqualTo(summary);
    assertThat(listener.starts()).containsExactly("start:0:call_AB6AaRZ1FYZB2RwS6A5vbdqn:calculator");
    assertThat(listener.arguments()).isEqualTo(Map.of(0, "{\"a\":12,\"b\":7,\"op\":\"add\"}"));
    assertThat(r.toolCalls()).containsExactly(
        new ToolCall("call_AB6AaRZ1FYZB2RwS6A5vbdqn", "calculator", "{\"a\":12,\"b\":7,\"op\":\"add\"}"));
    Reasoning reasoning = r.message().reasoning().get(0);
    assertThat(reasoning.id()).contains("rs_01830d662ab3856501693c321405c88190be3ab04d5782d5f9");
    assertThat(reasoning.summary()).containsExactly(summary);
    assertThat(reasoning.encryptedContent()).get().asString().startsWith("gAAAAABpPDIV");
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(r.usage()).isEqualTo(new Usage(134, 28, 0, 0));
    assertThat(r.responseId()).contains("resp_01830d662ab3856501693c321345c88190b0de00f3b9975691");
    assertThat(r.model()).contains("gpt-5.1-codex-max");
  }

  @Test
  void responsesFunctionCallAndFinalText() throws Exception {
    ModelResponse call = stream(Endpoint.RESPONSES, Wire.sse(Wire.resource(TURN2)), new RecordingListener());
    RecordingListener listener = new RecordingListener();
    ModelResponse text = stream(Endpoint.RESPONSES, Wire.sse(Wire.resource(TURN4)), listener);

    assertThat(call.toolCalls()).containsExactly(
        new ToolCall("call_Q6pW65MUgW9vF59BmItYGos3", "calculator", "{\"a\":19,\"b\":3,\"op\":\"multiply\"}"));
    assertThat(call.usage()).isEqualTo(new Usage(221, 26, 0, 0));
    assertThat(text.message().text()).isEqualTo("The final result is **570**.");
    assertThat(listener.joined("text:")).isEqualTo("The final result is **570**.");
    assertThat(text.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(text.toolCalls()).isEmpty();
    assertThat(text.usage()).isEqualTo(new Usage(299, 12, 0, 0));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99991})
  void everyRecordedStreamParsesIdenticallyWhenSplitAtRandomByteOffsets(long seed) throws Exception {
    for (String file : List.of(CHAT_TEXT, CHAT_ONE_CALL, CHAT_TWO_CALLS, TURN1, TURN2, TURN4)) {
      Endpoint endpoint = file.contains("chat_") ? Endpoint.CHAT_COMPLETIONS : Endpoint.RESPONSES;
      RecordingListener whole = new RecordingListener();
      RecordingListener chunked = new RecordingListener();

      ModelResponse expected = stream(endpoint, Wire.sse(Wire.resource(file)), whole);
      ModelResponse actual = stream(endpoint, Wire.sseInRandomChunks(Wire.resource(file), seed), chunked);

      assertThat(actual).as(file).isEqualTo(new ModelResponse(expected.message(), expected.finishReason(),
          expected.usage(), expected.responseId(), expected.model(), Optional.empty()));
      assertThat(chunked.events).as(file).isEqualTo(whole.events);
    }
  }

  @Test
  void crlfLineEndsParseTheSame() throws Exception {
    String crlf = Wire.resource(CHAT_TWO_CALLS).replace("\n", "\r\n");
    ModelResponse lf = stream(Endpoint.CHAT_COMPLETIONS, Wire.sse(Wire.resource(CHAT_TWO_CALLS)), new RecordingListener());
    ModelResponse r = stream(Endpoint.CHAT_COMPLETIONS, Wire.sse(crlf), new RecordingListener());

    assertThat(r.message()).isEqualTo(lf.message());
  }
}
