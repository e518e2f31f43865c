package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ResponseTooLargeException;
import dev.conduit.agent.model.StreamInterruptedException;
import dev.conduit.agent.model.StreamTruncatedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StreamFailuresTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private static String chunk(String deltaJson) {
    return "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":" + deltaJson
        + ",\"finish_reason\":null}]}\n\n";
  }

  private static final String TEXT_THEN_CALLS = chunk("{\"content\":\"Checking\"}")
      + chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}")
      + chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{\\\"x\\\"\"}}]}");

  private OpenAiClient chat() {
    return Wire.client(server, Endpoint.CHAT_COMPLETIONS).build();
  }

  private OpenAiClient responses() {
    return Wire.client(server, Endpoint.RESPONSES).build();
  }

  /** A body that sends {@code prefix}, then breaks the connection. */
  private static MockResponse breaksAfter(String prefix) {
    byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
    MockResponseBody body = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return bytes.length + 10_000L; // promises more than it sends
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
        sink.flush();
      }
    };
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body)
        .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build();
  }

  @Test
  void chatStreamEndingWithoutDoneOrFinishReasonIsTruncatedWithThePartialOutput() {
    server.enqueue(Wire.sse(TEXT_THEN_CALLS));

    assertThatThrownBy(() -> chat().stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOfSatisfying(StreamTruncatedException.class, e -> {
          assertThat(e.partial().text()).isEqualTo("Checking");
          assertThat(e.partial().toolCalls()).containsExactly(new ToolCall("call_a", "f", "{}"));
        })
        .hasMessageContaining("[DONE] or a finish_reason");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chatStreamWithFinishReasonButNoDoneIsComplete() throws Exception {
    server.enqueue(Wire.sse(chunk("{\"content\":\"Hi\"}")
        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"));

    assertThat(chat().stream(Requests.simple("?"), new RecordingListener()).message().text()).isEqualTo("Hi");
  }

  @Test
  void responsesStreamWithoutCompletedIsTruncatedKeepingFinishedToolCalls() {
    String full = Wire.resource("recorded/responses_stream_tool_loop.turn1_reasoning_function_call.sse");
    String cut = full.substring(0, full.indexOf("event: response.completed"));
    server.enqueue(Wire.sse(cut));

    assertThatThrownBy(() -> responses().stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOfSatisfying(StreamTruncatedException.class, e -> {
          assertThat(e.partial().toolCalls()).containsExactly(
              new ToolCall("call_AB6AaRZ1FYZB2RwS6A5vbdqn", "calculator", "{\"a\":12,\"b\":7,\"op\":\"add\"}"));
          assertThat(e.partial().reasoning()).hasSize(1);
        })
        .hasMessageContaining("response.completed");
  }

  @Test
  void connectionLostAfterDeltasIsStreamInterruptedAndNotRetried() {
    server.enqueue(breaksAfter(TEXT_THEN_CALLS));
    server.enqueue(Wire.sse(Wire.resource("recorded/chat_completion_stream_text.sse")));
    RecordingListener listener = new RecordingListener();

    assertThatThrownBy(() -> chat().stream(Requests.simple("?"), listener))
        .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
          assertThat(e.partial().text()).isEqualTo("Checking");
          assertThat(e.partial().toolCalls()).containsExactly(new ToolCall("call_a", "f", "{}"));
        })
        .hasMessageContaining("not retried");
    assertThat(listener.events).startsWith("text:Checking", "start:0:call_a:f", "args:0:{}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionLostBeforeAnyEventIsRetriedLikeAnyRequest() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(Wire.sse(Wire.resource("recorded/chat_completion_stream_text.sse")));
    Wire.RecordingSleeper sleeper = new Wire.RecordingSleeper();

    ModelResponse r = Wire.client(server, Endpoint.CHAT_COMPLETIONS).sleeper(sleeper).build()
        .stream(Requests.simple("?"), new RecordingListener());

    assertThat(r.message().text()).startsWith("I'm unable");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void chatErrorChunkIsAModelApiExceptionWithItsCode() {
    server.enqueue(Wire.sse(chunk("{\"content\":\"Hi\"}")
        + "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"code\":\"overloaded\"}}\n\n"));

    assertThatThrownBy(() -> chat().stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOfSatisfying(ModelApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.code()).contains("overloaded");
          assertThat(e.errorType()).contains("server_error");
          assertThat(e.requestId()).contains("req_stream");
        })
        .hasMessageContaining("The server had an error");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void responsesErrorEventAndFailedResponseAreModelApiExceptions() {
    server.enqueue(Wire.sse("event: error\ndata: {\"type\":\"error\",\"code\":\"ERR_SOMETHING\","
        + "\"message\":\"Something went wrong\",\"param\":null,\"sequence_number\":1}\n\n"));
    server.enqueue(Wire.sse("event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"id\":\"r\","
        + "\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"The model failed\"},\"output\":[]}}\n\n"));

    assertThatThrownBy(() -> responses().stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOfSatisfying(ModelApiException.class, e -> assertThat(e.code()).contains("ERR_SOMETHING"))
        .hasMessageContaining("Something went wrong");
    assertThatThrownBy(() -> responses().stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOfSatisfying(ModelApiException.class, e -> assertThat(e.code()).contains("server_error"))
        .hasMessageContaining("The model failed");
  }

  @Test
  void responsesIncompleteIsFlaggedAsLength() throws Exception {
    server.enqueue(Wire.sse("data: {\"type\":\"response.output_text.delta\",\"output_index\":0,\"delta\":\"Hal\"}\n\n"
        + "data: {\"type\":\"response.incomplete\",\"response\":{\"status\":\"incomplete\",\"incomplete_details\":"
        + "{\"reason\":\"max_output_tokens\"},\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\","
        + "\"text\":\"Hal\"}]}]}}\n\n"));

    ModelResponse r = responses().stream(Requests.simple("?"), new RecordingListener());

    assertThat(r.finishReason()).isEqualTo(dev.conduit.agent.message.FinishReason.LENGTH);
    assertThat(r.message().text()).isEqualTo("Hal");
  }

  @Test
  void toleratesEmptyTypeRepeatedIdsAndMissingIndex() throws Exception {
    server.enqueue(Wire.sse(
        chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}")
        + chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"\",\"function\":{\"arguments\":\"{\\\"a\\\":\"}}]}")
        + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}")
        + chunk("{\"tool_calls\":[{\"id\":\"call_b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}")
        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n"));
    RecordingListener listener = new RecordingListener();

    ModelResponse r = chat().stream(Requests.simple("?"), listener);

    assertThat(r.toolCalls()).containsExactly(new ToolCall("call_a", "f", "{\"a\":1}"), new ToolCall("call_b", "g", "{}"));
    assertThat(listener.starts()).containsExactly("start:0:call_a:f", "start:1:call_b:g");
  }

  @Test
  void reasoningContentDeltasOfThinkingModelsAreStreamed() throws Exception {
    server.enqueue(Wire.sse(chunk("{\"reasoning_content\":\"Let me \"}") + chunk("{\"reasoning_content\":\"think.\"}")
        + chunk("{\"content\":\"42\"}") + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n"));
    RecordingListener listener = new RecordingListener();

    ModelResponse r = chat().stream(Requests.simple("?"), listener);

    assertThat(listener.events).containsExactly("reasoning:Let me ", "reasoning:think.", "text:42");
    assertThat(r.message().reasoning()).containsExactly(dev.conduit.agent.message.Reasoning.ofText("Let me think."));
  }

  @Test
  void aJsonAnswerToAStreamRequestIsReplayedToTheListener() throws Exception {
    server.enqueue(Wire.ok(Wire.resource("recorded/chat_completion_tool_calls.response.json")));
    RecordingListener listener = new RecordingListener();

    ModelResponse r = chat().stream(Requests.simple("?"), listener);

    assertThat(r.toolCalls()).hasSize(1);
    assertThat(listener.events).containsExactly("start:0:call_abc123:get_current_weather",
        "args:0:{\n\"location\": \"Boston, MA\"\n}");
  }

  @Test
  void anEventLargerThanTheCapIsResponseTooLarge() {
    server.enqueue(Wire.sse(chunk("{\"content\":\"" + "x".repeat(5000) + "\"}")));
    OpenAiClient client = Wire.client(server, Endpoint.CHAT_COMPLETIONS).maxEventBytes(2048).build();

    assertThatThrownBy(() -> client.stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("maxEventBytes");
  }

  @Test
  void aStreamLargerThanTheBodyCapIsResponseTooLarge() {
    StringBuilder endless = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      endless.append(chunk("{\"content\":\"word \"}"));
    }
    server.enqueue(Wire.sse(endless.toString()));
    OpenAiClient client = Wire.client(server, Endpoint.CHAT_COMPLETIONS).maxResponseBytes(8192).build();

    assertThatThrownBy(() -> client.stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("maxResponseBytes");
  }

  @Test
  void aNonStreamedBodyLargerThanTheCapIsResponseTooLarge() {
    server.enqueue(Wire.ok("{\"choices\":[{\"message\":{\"content\":\"" + "y".repeat(10_000) + "\"}}]}"));
    OpenAiClient client = Wire.client(server, Endpoint.CHAT_COMPLETIONS).maxResponseBytes(4096).build();

    assertThatThrownBy(() -> client.complete(Requests.simple("?")))
        .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("maxResponseBytes");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void malformedEventJsonIsAModelResponseException() {
    server.enqueue(Wire.sse("data: {not json\n\n"));

    assertThatThrownBy(() -> chat().stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOf(dev.conduit.agent.model.ModelResponseException.class).hasMessageContaining("not JSON");
  }

  @Test
  void listenerIndexesFollowCallOrderEvenWhenProviderIndexesDoNotStartAtZero() throws Exception {
    server.enqueue(Wire.sse(
        chunk("{\"tool_calls\":[{\"index\":3,\"id\":\"call_x\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}")
        + "data: [DONE]\n\n"));
    RecordingListener listener = new RecordingListener();

    chat().stream(Requests.simple("?"), listener);

    assertThat(listener.events).isEqualTo(List.of("start:0:call_x:f", "args:0:{}"));
  }
}
