package dev.conduit.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.Agent;
import dev.conduit.agent.ContentFilteredException;
import dev.conduit.agent.EmptyResponseException;
import dev.conduit.agent.MaxTurnsExceededException;
import dev.conduit.agent.ModelBehaviorException;
import dev.conduit.agent.ModelCallException;
import dev.conduit.agent.ModelRefusalException;
import dev.conduit.agent.OutputTruncatedException;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.RunTimeoutException;
import dev.conduit.agent.ToolCallLimitExceededException;
import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelConnectionException;
import dev.conduit.agent.model.ModelResponseException;
import dev.conduit.agent.model.ModelTimeoutException;
import dev.conduit.agent.model.QuotaExceededException;
import dev.conduit.agent.model.RateLimitedException;
import dev.conduit.agent.model.ResponseTooLargeException;
import dev.conduit.agent.model.StreamInterruptedException;
import dev.conduit.agent.model.StreamTruncatedException;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import tools.jackson.databind.JsonNode;

/**
 * The fault matrix of RELIABILITY.md (b): one scenario per row that is not already covered exactly
 * by the client's or the loop's own tests (those are listed in FAULT-MATRIX.md). Each scenario runs
 * an agent over real HTTP against a {@link Lab} and asserts the exact outcome; {@link Lab#close()}
 * then checks for leaks. The same scenarios run under TRACE logging in a child JVM for the canary.
 */
final class FaultScenarios {
  interface Body {
    void run(Lab lab) throws Exception;
  }

  record Scenario(String row, String name, Predicate<Lab.Mode> appliesTo, Body body) {
    @Override
    public String toString() {
      return row + " " + name;
    }
  }

  static final Predicate<Lab.Mode> ALL = mode -> true;
  static final Predicate<Lab.Mode> STREAMING = Lab.Mode::streaming;
  static final Predicate<Lab.Mode> NOT_STREAMING = mode -> !mode.streaming();
  static final Predicate<Lab.Mode> CHAT = mode -> mode.endpoint() == Endpoint.CHAT_COMPLETIONS;

  private FaultScenarios() {}

  static List<Scenario> all() {
    List<Scenario> s = new ArrayList<>();
    s.add(new Scenario("b1", "connectionRefusedIsRetriedTwiceThenAConnectionError", ALL, FaultScenarios::refused));
    s.add(new Scenario("b1", "resetBeforeAnyResponseDnsAndTlsFailuresAreConnectionErrors", ALL, FaultScenarios::resetDnsTls));
    s.add(new Scenario("b2", "aStalledServerTimesOutOnEveryAttemptNamingTheTimeout", ALL, FaultScenarios::stall));
    s.add(new Scenario("b2", "aSilentStreamTimesOutWithTheStreamIdleTimeout", STREAMING, FaultScenarios::silentStream));
    s.add(new Scenario("b3", "retryableStatusesAreRetriedAndTheAttemptsCounted", ALL, FaultScenarios::retryable));
    s.add(new Scenario("b3", "exhaustedRetriesEndTheRunWithTheLastTypedError", ALL, FaultScenarios::exhausted));
    s.add(new Scenario("b4", "quotaErrorsAreNeverRetried", ALL, FaultScenarios::quota));
    s.add(new Scenario("b5", "retryAfterAboveTheCapFailsFastAndGarbageFallsBackToBackoff", ALL, FaultScenarios::retryAfter));
    s.add(new Scenario("b6", "xShouldRetryIsObeyed", ALL, FaultScenarios::shouldRetry));
    s.add(new Scenario("b7", "callerErrorsAreTypedAndNotRetried", ALL, FaultScenarios::callerErrors));
    s.add(new Scenario("b8", "htmlEmptyAndTruncatedErrorBodiesAreTyped", ALL, FaultScenarios::badErrorBodies));
    s.add(new Scenario("b9", "aMalformedSuccessIsAModelResponseException", ALL, FaultScenarios::malformedSuccess));
    s.add(new Scenario("b10", "oversizedAnswersAreResponseTooLarge", ALL, FaultScenarios::tooLarge));
    s.add(new Scenario("b11", "commentsRetryFieldsCrlfAndSplitMultiByteCharactersParse", STREAMING, FaultScenarios::sseVariety));
    s.add(new Scenario("b12", "errorsReportedInsideAStreamAreTyped", STREAMING, FaultScenarios::streamErrors));
    s.add(new Scenario("b12", "aFailedOrIncompleteResponseIsTypedOrFlagged", mode -> mode.endpoint() == Endpoint.RESPONSES,
        FaultScenarios::responsesFailedOrIncomplete));
    s.add(new Scenario("b14", "aStreamBrokenAfterOutputIsNotRetriedAndKeepsThePartialAnswer", STREAMING,
        FaultScenarios::interruptedStream));
    s.add(new Scenario("b14", "aBodyBrokenBeforeAnythingWasDeliveredIsRetried", NOT_STREAMING, FaultScenarios::brokenBody));
    s.add(new Scenario("b15", "aStreamEndingWithoutItsEndMarkerIsTruncated", STREAMING, FaultScenarios::truncatedStream));
    s.add(new Scenario("b16", "cancellingARunCancelsItsHttpCall", ALL, FaultScenarios::cancel));
    s.add(new Scenario("b17", "anUnknownToolIsFedBackNamingTheAvailableTools", ALL, FaultScenarios::unknownTool));
    s.add(new Scenario("b17", "threeTurnsOfUnknownToolsEndTheRun", ALL, FaultScenarios::unknownToolBudget));
    s.add(new Scenario("b18", "argumentsThatAreNotJsonAreFedBackAndTheToolIsNotRun", ALL, FaultScenarios::badJson));
    s.add(new Scenario("b19", "argumentsNotMatchingTheSchemaAreFedBackListingEveryViolation", ALL, FaultScenarios::schema));
    s.add(new Scenario("b20", "emptyArgumentsAreAnEmptyObjectOnlyWithoutRequiredParameters", ALL, FaultScenarios::emptyArgs));
    s.add(new Scenario("b21", "duplicateOrMissingToolCallIdsAreModelBehaviorErrors", ALL, FaultScenarios::badIds));
    s.add(new Scenario("b22", "toolCallsFinishWithoutToolCallsIsAModelBehaviorError", CHAT, FaultScenarios::toolCallsFinish));
    s.add(new Scenario("b23", "lengthIsTruncatedOrFailsAndCutToolCallsAreNotRun", ALL, FaultScenarios::length));
    s.add(new Scenario("b24", "contentFilterAndRefusalEndTheRun", ALL, FaultScenarios::filterAndRefusal));
    s.add(new Scenario("b25", "anEmptyAnswerIsAnError", ALL, FaultScenarios::empty));
    s.add(new Scenario("b26", "aLoopingModelIsStoppedByMaxTurnsAndByTheToolCallLimit", ALL, FaultScenarios::loop));
    s.add(new Scenario("b27", "twoHundredCallsRunWithBoundedParallelismAndCountAgainstTheLimit", ALL,
        FaultScenarios::twoHundredCalls));
    s.add(new Scenario("b28", "aThrowingToolIsFedBackSanitized", ALL, FaultScenarios::throwingTool));
    s.add(new Scenario("b29", "anErrorInAToolAbortsTheRun", ALL, FaultScenarios::fatalTool));
    s.add(new Scenario("b30-b31", "aHangingToolTimesOutAndTheOtherResultsAreKeptInCallOrder", ALL,
        FaultScenarios::parallelFailures));
    s.add(new Scenario("b32", "nullHugeAndUnserializableResults", ALL, FaultScenarios::oddResults));
    s.add(new Scenario("b33", "aModelFailureAfterToolsRanKeepsTheirResultsAndResumingDoesNotRerunThem", ALL,
        FaultScenarios::resume));
    s.add(new Scenario("b34", "aRunPastItsDeadlineStopsWithNoFurtherModelCall", ALL, FaultScenarios::deadline));
    s.add(new Scenario("b35", "concurrentRunsOnOneClientShareNoState", ALL, FaultScenarios::concurrentRuns));
    s.add(new Scenario("K1", "anErrorBodyEchoingTheKeyIsScrubbed", ALL, FaultScenarios::echoedInErrorBody));
    s.add(new Scenario("K1", "aMalformedAnswerEchoingTheKeyIsScrubbed", ALL, FaultScenarios::echoedInMalformedAnswer));
    s.add(new Scenario("K1", "aStreamErrorEchoingTheKeyIsScrubbed", STREAMING, FaultScenarios::echoedInStreamError));
    s.add(new Scenario("K1", "aFailedResponseEchoingTheKeyIsScrubbed", mode -> mode.endpoint() == Endpoint.RESPONSES,
        FaultScenarios::echoedInFailedResponse));
    return s;
  }

  // --- helpers ---------------------------------------------------------------------------------

  static ToolCall call(String id, String name, String args) {
    return new ToolCall(id, name, args);
  }

  static MockResponse withHeader(MockResponse r, String name, String value) {
    return r.newBuilder().addHeader(name, value).build();
  }

  /** 503 asking for a 1 ms wait: retried at once, so the matrix does not sleep. */
  static MockResponse quick503() {
    return withHeader(StandIn.status(503, "server_error", null), "Retry-After-Ms", "1");
  }

  static <T extends Throwable> T causeOf(RuntimeException e, Class<T> type) {
    assertThat(e).isInstanceOf(ModelCallException.class);
    assertThat(e.getCause()).isInstanceOf(type);
    return type.cast(e.getCause());
  }

  /** The tool results a request sends to the model, by call id, in order. */
  static Map<String, String> toolResultsSent(Lab lab, RecordedRequest request) {
    JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
    Map<String, String> results = new LinkedHashMap<>();
    if (lab.endpoint == Endpoint.CHAT_COMPLETIONS) {
      body.get("messages").valueStream().filter(m -> m.path("role").asString().equals("tool"))
          .forEach(m -> results.merge(m.get("tool_call_id").asString(), m.get("content").asString(), (a, b) -> a + "|DUP|" + b));
    } else {
      body.get("input").valueStream().filter(i -> i.path("type").asString().equals("function_call_output"))
          .forEach(i -> results.merge(i.get("call_id").asString(), i.get("output").asString(), (a, b) -> a + "|DUP|" + b));
    }
    return results;
  }

  static Map<String, String> lastToolResultsSent(Lab lab) throws InterruptedException {
    List<RecordedRequest> requests = lab.requests();
    return toolResultsSent(lab, requests.get(requests.size() - 1));
  }

  static List<ToolResult> toolResults(List<Message> messages) {
    return messages.stream().filter(ToolResult.class::isInstance).map(ToolResult.class::cast).toList();
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  // --- transport (b1-b10) ----------------------------------------------------------------------

  static void refused(Lab lab) throws Exception {
    OpenAiClient client = lab.client().baseUrl("http://127.0.0.1:" + closedPort() + "/v1").build();
    RuntimeException e = lab.failure(lab.agent(client).build(), "Hi");

    ModelConnectionException c = causeOf(e, ModelConnectionException.class);
    assertThat(c.attempts()).isEqualTo(3);
    assertThat(c).hasMessageContaining("after 3 attempts").hasMessageContaining("Check the baseUrl");
    assertThat(c.getCause()).isInstanceOf(IOException.class);
  }

  static void resetDnsTls(Lab lab) throws Exception {
    for (int i = 0; i < 2; i++) {
      lab.server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    }
    ModelConnectionException reset = causeOf(lab.failure(lab.agent(lab.client().maxRetries(1).build()).build(), "Hi"),
        ModelConnectionException.class);
    assertThat(reset.attempts()).isEqualTo(2);
    assertThat(lab.requests()).hasSize(2);

    OpenAiClient noDns = lab.client().maxRetries(1).baseUrl("http://api.conduit.test/v1")
        .httpClient(lab.http.newBuilder().dns(host -> {
          throw new UnknownHostException(host + ": no such host (fault matrix)");
        }).build()).build();
    ModelConnectionException dns = causeOf(lab.failure(lab.agent(noDns).build(), "Hi"), ModelConnectionException.class);
    assertThat(dns.attempts()).isEqualTo(2);
    assertThat(dns.getCause()).isInstanceOf(UnknownHostException.class);

    // A server that answers the TLS ClientHello with plain text: the handshake fails before any response.
    try (ServerSocket garbage = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      Thread answering = new Thread(() -> {
        for (int i = 0; i < 2; i++) {
          try (java.net.Socket s = garbage.accept()) {
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
          } catch (IOException e) {
            return;
          }
        }
      }, "lab-not-tls");
      answering.setDaemon(true);
      answering.start();
      OpenAiClient tls = lab.client().maxRetries(1).attemptTimeout(Duration.ofSeconds(5))
          .baseUrl("https://127.0.0.1:" + garbage.getLocalPort() + "/v1").build();
      ModelConnectionException handshake = causeOf(lab.failure(lab.agent(tls).build(), "Hi"), ModelConnectionException.class);
      assertThat(handshake.attempts()).isEqualTo(2);
      assertThat(handshake.getCause()).isInstanceOf(javax.net.ssl.SSLException.class);
      answering.join(5_000);
    }
  }

  static void stall(Lab lab) throws Exception {
    for (int i = 0; i < 2; i++) {
      lab.server.enqueue(lab.wire.text("late").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    }
    OpenAiClient client = lab.client().maxRetries(1).attemptTimeout(Duration.ofMillis(250)).build();
    ModelTimeoutException t = causeOf(lab.failure(lab.agent(client).build(), "Hi"), ModelTimeoutException.class);

    assertThat(t).hasMessageContaining("after 2 attempts").hasMessageContaining("per-attempt timeout of 250 ms")
        .hasMessageContaining("attemptTimeout(...)");
    assertThat(lab.retryCounts()).containsExactly("0", "1");
  }

  static void silentStream(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.text("slow words").newBuilder().throttleBody(40, 2, TimeUnit.SECONDS).build());
    OpenAiClient client = lab.client().maxRetries(0).streamIdleTimeout(Duration.ofMillis(250)).build();
    RuntimeException e = lab.failure(lab.agent(client).build(), "Hi");

    ModelTimeoutException t = causeOf(e, ModelTimeoutException.class);
    assertThat(t).hasMessageContaining("stream idle timeout of 250 ms").hasMessageContaining("streamIdleTimeout(...)");
  }

  static void retryable(Lab lab) throws Exception {
    int[] codes = {408, 409, 429, 500, 502, 503, 504};
    Agent agent = lab.agent().build();
    for (int code : codes) {
      lab.server.enqueue(withHeader(StandIn.status(code, "server_error", null), "Retry-After-Ms", "1"));
      lab.server.enqueue(withHeader(StandIn.status(code, "server_error", null), "Retry-After-Ms", "1"));
      lab.server.enqueue(lab.wire.text("ok " + code));
      assertThat(lab.run(agent, "Hi").finalText()).isEqualTo("ok " + code);
    }
    List<String> counts = lab.retryCounts();
    assertThat(counts).hasSize(3 * codes.length);
    for (int i = 0; i < codes.length; i++) {
      assertThat(counts.subList(3 * i, 3 * i + 3)).as("attempts for %d", codes[i]).containsExactly("0", "1", "2");
    }
  }

  static void exhausted(Lab lab) throws Exception {
    for (int i = 0; i < 3; i++) {
      lab.server.enqueue(quick503());
    }
    ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.errorType()).contains("server_error");
    assertThat(e.requestId()).contains("req_503");
    assertThat(lab.retryCounts()).containsExactly("0", "1", "2");
  }

  static void quota(Lab lab) throws Exception {
    lab.server.enqueue(withHeader(StandIn.status(429, "insufficient_quota", "insufficient_quota"), "Retry-After-Ms", "1"));
    lab.server.enqueue(StandIn.status(429, "invalid_request_error", "project_spend_limit_exceeded"));
    Agent agent = lab.agent().build();

    QuotaExceededException q1 = causeOf(lab.failure(agent, "Hi"), QuotaExceededException.class);
    QuotaExceededException q2 = causeOf(lab.failure(agent, "Hi"), QuotaExceededException.class);
    assertThat(q1.code()).contains("insufficient_quota");
    assertThat(q1.statusCode()).isEqualTo(429);
    assertThat(q2.code()).contains("project_spend_limit_exceeded");
    assertThat(lab.requests()).hasSize(2);
  }

  static void retryAfter(Lab lab) throws Exception {
    lab.server.enqueue(withHeader(StandIn.status(429, "rate_limit_error", "rate_limit_exceeded"), "Retry-After", "3600"));
    RateLimitedException r = causeOf(lab.failure(lab.agent().build(), "Hi"), RateLimitedException.class);
    assertThat(r.retryAfter()).contains(Duration.ofHours(1));
    assertThat(r.code()).contains("rate_limit_exceeded");
    assertThat(r).hasMessageContaining("asked to wait 3600 s, more than the 60 s cap");
    assertThat(lab.requests()).hasSize(1);

    // Garbage: backoff (0.375-0.5 s, see RetryAndFailoverTest#garbageRetryAfterFallsBackToBackoff), then success.
    lab.server.enqueue(withHeader(StandIn.status(503, "server_error", null), "Retry-After", "inf"));
    lab.server.enqueue(lab.wire.text("after backoff"));
    assertThat(lab.run(lab.agent().build(), "Hi").finalText()).isEqualTo("after backoff");
    assertThat(lab.requests()).hasSize(3);
  }

  static void shouldRetry(Lab lab) throws Exception {
    lab.server.enqueue(withHeader(StandIn.status(500, "server_error", null), "x-should-retry", "false"));
    ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(lab.requests()).hasSize(1);

    lab.server.enqueue(withHeader(withHeader(StandIn.status(400, "invalid_request_error", null), "x-should-retry", "true"),
        "Retry-After-Ms", "1"));
    lab.server.enqueue(lab.wire.text("ok"));
    assertThat(lab.run(lab.agent().build(), "Hi").finalText()).isEqualTo("ok");
    assertThat(lab.requests()).hasSize(3);
  }

  static void callerErrors(Lab lab) throws Exception {
    lab.server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_ctx").body("{\"error\":{\"message\":\"This model's maximum context length is "
            + "128000 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}")
        .build());
    ModelApiException ctx = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);
    assertThat(ctx.statusCode()).isEqualTo(400);
    assertThat(ctx.errorType()).contains("invalid_request_error");
    assertThat(ctx.code()).contains("context_length_exceeded");
    assertThat(ctx.param()).contains("messages");
    assertThat(ctx.requestId()).contains("req_ctx");
    assertThat(ctx).hasMessage("HTTP 400 from POST " + lab.server.url(lab.endpoint == Endpoint.CHAT_COMPLETIONS ? "/v1/chat/completions" : "/v1/responses")
        + ": This model's maximum context length is 128000 tokens. [type invalid_request_error]"
        + " [code context_length_exceeded] [param messages] [request id req_ctx]");
    for (int code : new int[] {401, 403, 404, 422}) {
      lab.server.enqueue(withHeader(StandIn.status(code, "invalid_request_error", "code_" + code), "Retry-After-Ms", "1"));
      ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);
      assertThat(e.statusCode()).isEqualTo(code);
      assertThat(e.code()).contains("code_" + code);
      assertThat(e.requestId()).contains("req_" + code);
    }
    assertThat(lab.requests()).hasSize(5);
  }

  static void badErrorBodies(Lab lab) throws Exception {
    String html = "<html><body><h1>502 Bad Gateway</h1>" + "<p>nginx</p>".repeat(1000) + "</body></html>";
    lab.server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());
    lab.server.enqueue(new MockResponse.Builder().code(503).build());
    lab.server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
        .body("{\"error\": {\"message\": \"half").build());
    Agent agent = lab.agent(lab.client().maxRetries(0).build()).build();

    ModelApiException proxy = causeOf(lab.failure(agent, "Hi"), ModelApiException.class);
    assertThat(proxy.statusCode()).isEqualTo(502);
    assertThat(proxy.getMessage()).contains("<h1>502 Bad Gateway</h1>").contains("(" + html.length() + " bytes)");
    assertThat(proxy.getMessage().length()).isLessThan(2048 + 200);
    assertThat(causeOf(lab.failure(agent, "Hi"), ModelApiException.class)).hasMessageContaining("(empty body)");
    assertThat(causeOf(lab.failure(agent, "Hi"), ModelApiException.class))
        .hasMessageContaining("body: {\"error\": {\"message\": \"half");
  }

  static void malformedSuccess(Lab lab) throws Exception {
    if (lab.streaming) {
      lab.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
          .body("data: {not json\n\n").build());
    } else {
      lab.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{not json").build());
      lab.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"id\":\"x\"}").build());
    }
    Agent agent = lab.agent().build();
    assertThat(causeOf(lab.failure(agent, "Hi"), ModelResponseException.class)).hasMessageContaining("not JSON");
    if (!lab.streaming) {
      assertThat(causeOf(lab.failure(agent, "Hi"), ModelResponseException.class)).hasMessageContaining("not a usable answer");
    }
    assertThat(lab.requests()).hasSize(lab.streaming ? 1 : 2); // never retried
  }

  static void tooLarge(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.text("y".repeat(10_000)));
    OpenAiClient client = lab.client().maxResponseBytes(4096).maxEventBytes(2048).build();
    ResponseTooLargeException e = causeOf(lab.failure(lab.agent(client).build(), "Hi"), ResponseTooLargeException.class);

    assertThat(e).hasMessageContaining(lab.streaming ? "OpenAiClient.Builder.max" : "maxResponseBytes");
    assertThat(lab.requests()).hasSize(1);
  }

  // --- streaming (b11-b16) ---------------------------------------------------------------------

  static void sseVariety(Lab lab) throws Exception {
    String text = "Température: 21 °C 🌤 — ok";
    String sse = ": keep-alive\n\nretry: 1000\n\n" + lab.wire.body(StandIn.Turn.text(text)).replace("\n\n", "\n\n: ping\n\n");
    byte[] bytes = sse.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    MockResponseBody oneByteAtATime = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        for (int i = 0; i < bytes.length; i += 3) { // 3-byte writes split 2- and 4-byte characters
          sink.write(bytes, i, Math.min(3, bytes.length - i));
          sink.flush();
        }
      }
    };
    // No length and no chunking: the end of the body is the end of the connection.
    lab.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(oneByteAtATime)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());

    assertThat(lab.run(lab.agent().build(), "Hi").finalText()).isEqualTo(text);
  }

  static void streamErrors(Lab lab) throws Exception {
    String error = lab.endpoint == Endpoint.CHAT_COMPLETIONS
        ? "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"code\":\"overloaded\"}}\n\n"
        : "event: error\ndata: {\"type\":\"error\",\"code\":\"overloaded\",\"message\":\"The server had an error\","
            + "\"param\":null,\"sequence_number\":1}\n\n";
    lab.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .addHeader("x-request-id", "req_stream").body(error).build());
    ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.code()).contains("overloaded");
    assertThat(e.requestId()).contains("req_stream");
    assertThat(e).hasMessageContaining("The server had an error");
    assertThat(lab.requests()).hasSize(1);
  }

  static void responsesFailedOrIncomplete(Lab lab) throws Exception {
    String failed = "{\"id\":\"r\",\"object\":\"response\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\","
        + "\"message\":\"The model failed\"},\"output\":[]}";
    lab.server.enqueue(lab.streaming
        ? new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
            .body("event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":" + failed + "}\n\n").build()
        : new MockResponse.Builder().addHeader("Content-Type", "application/json").body(failed).build());
    ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);
    assertThat(e.code()).contains("server_error");
    assertThat(e).hasMessageContaining("The model failed");

    lab.server.enqueue(lab.wire.respond(StandIn.Turn.text("Hal").cutByLength()));
    RunResult r = lab.run(lab.agent().build(), "Hi");
    assertThat(r.finalText()).isEqualTo("Hal");
    assertThat(r.truncated()).isTrue();
  }

  static void interruptedStream(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.resetMidway(StandIn.Turn.text("Checking the weather now, please wait")));
    lab.server.enqueue(lab.wire.text("never sent"));
    StreamInterruptedException e = causeOf(lab.failure(lab.agent().build(), "Hi"), StreamInterruptedException.class);

    assertThat(e.partial().text()).isNotEmpty();
    assertThat("Checking the weather now, please wait").startsWith(e.partial().text());
    assertThat(e).hasMessageContaining("not retried");
    String streamed = lab.events.stream().filter(AgentEventText::isText).map(AgentEventText::text)
        .reduce("", String::concat);
    assertThat(streamed).isEqualTo(e.partial().text()); // nothing delivered is lost or duplicated
    assertThat(lab.requests()).hasSize(1);
  }

  static void brokenBody(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.resetMidway(StandIn.Turn.text("the first answer, cut in half")));
    lab.server.enqueue(lab.wire.text("the retried answer"));

    assertThat(lab.run(lab.agent().build(), "Hi").finalText()).isEqualTo("the retried answer");
    assertThat(lab.retryCounts()).containsExactly("0", "1");
  }

  static void truncatedStream(Lab lab) throws Exception {
    String full = lab.wire.body(StandIn.Turn.calls(call("call_a", "add", "{\"a\":1,\"b\":2}")));
    String marker = lab.endpoint == Endpoint.CHAT_COMPLETIONS ? "\"finish_reason\":\"tool_calls\"" : "event: response.completed";
    int cut = full.lastIndexOf("\n\n", full.indexOf(marker)) + 2;
    lab.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(full.substring(0, cut)).build());
    MatrixTools tools = new MatrixTools();
    StreamTruncatedException e = causeOf(lab.failure(lab.agent(tools).build(), "Hi"), StreamTruncatedException.class);

    assertThat(e).hasMessageContaining(lab.endpoint == Endpoint.CHAT_COMPLETIONS ? "[DONE] or a finish_reason" : "response.completed");
    assertThat(tools.executions("add")).isZero(); // a cut answer's tool calls are never run
    assertThat(lab.requests()).hasSize(1);
  }

  static void cancel(Lab lab) throws Exception {
    MockResponse slow = lab.streaming
        ? lab.wire.text("a long answer that trickles in slowly, " + "word ".repeat(200)).newBuilder()
            .throttleBody(100, 250, TimeUnit.MILLISECONDS).build()
        : lab.wire.text("late").newBuilder().headersDelay(30, TimeUnit.SECONDS).build();
    lab.server.enqueue(slow);
    Agent agent = lab.agent().build();
    if (!lab.streaming) {
      CompletableFuture<RunResult> run = agent.runAsync("Hi");
      assertThat(lab.server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(run.cancel(true)).isTrue();
      try {
        run.join();
        throw new AssertionError("expected the run to be cancelled");
      } catch (CancellationException expected) {
        lab.saw(expected);
      }
      return;
    }
    java.util.concurrent.CountDownLatch firstDelta = new java.util.concurrent.CountDownLatch(1);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        agent.runStreaming("Hi", e -> {
          if (AgentEventText.isText(e)) {
            firstDelta.countDown();
          }
        });
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    }, "lab-caller");
    caller.start();
    assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    Throwable t = outcome.get(10, TimeUnit.SECONDS);
    assertThat(t).isInstanceOf(dev.conduit.agent.RunCancelledException.class);
    lab.saw(t);
    caller.join(10_000);
    assertThat(lab.requests()).hasSize(1);
  }

  /** Reads text deltas out of agent events. */
  static final class AgentEventText {
    static boolean isText(dev.conduit.agent.AgentEvent e) {
      return e instanceof dev.conduit.agent.AgentEvent.TextDelta;
    }

    static String text(dev.conduit.agent.AgentEvent e) {
      return ((dev.conduit.agent.AgentEvent.TextDelta) e).text();
    }
  }

  // --- model output (b17-b27) ------------------------------------------------------------------

  static void unknownTool(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("call_1", "forecast", "{\"city\":\"Oslo\"}")));
    lab.server.enqueue(lab.wire.text("Sorry."));
    RunResult r = lab.run(lab.agent(new MatrixTools()).build(), "Forecast?");

    assertThat(r.finalText()).isEqualTo("Sorry.");
    assertThat(lastToolResultsSent(lab)).containsExactly(Map.entry("call_1", "Error: no tool named 'forecast'. "
        + "Available tools: add, boom, busy, fatal, huge, loop, nothing, now, slow."));
    assertThat(toolResults(r.messages())).singleElement().satisfies(t -> assertThat(t.isError()).isTrue());
  }

  static void unknownToolBudget(Lab lab) throws Exception {
    AtomicInteger n = new AtomicInteger();
    lab.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return lab.wire.calls(call("call_" + n.incrementAndGet(), "nope", "{}"));
      }
    });
    RuntimeException e = lab.failure(lab.agent(new MatrixTools()).build(), "Go");

    assertThat(e).isInstanceOf(ModelBehaviorException.class).hasMessageContaining("all failed 3 turns in a row")
        .hasMessageContaining("no tool named 'nope'");
    assertThat(lab.requests()).hasSize(3);
    assertThat(toolResults(((ModelBehaviorException) e).messages())).hasSize(3);
  }

  static void badJson(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("call_1", "add", "{\"a\": 1, \"b\": ")));
    lab.server.enqueue(lab.wire.text("Sorry."));
    MatrixTools tools = new MatrixTools();
    lab.run(lab.agent(tools).build(), "1+?");

    String fed = lastToolResultsSent(lab).get("call_1");
    assertThat(fed).startsWith("Error: arguments for 'add' are not valid JSON (").contains("line 1, column")
        .endsWith("). Call again with a JSON object.");
    assertThat(tools.executions("add")).isZero();
  }

  static void schema(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("call_1", "add", "{\"a\":\"three\",\"c\":1}")));
    lab.server.enqueue(lab.wire.text("Sorry."));
    MatrixTools tools = new MatrixTools();
    lab.run(lab.agent(tools).build(), "3+?");

    String fed = lastToolResultsSent(lab).get("call_1");
    assertThat(fed).isEqualTo("Error: arguments for 'add' do not match its schema: $.a: string found, integer expected; "
        + "$: required property 'b' not found; $: property 'c' is not defined in the schema and the schema does not "
        + "allow additional properties. Call again with corrected arguments.");
    assertThat(tools.executions("add")).isZero();
  }

  static void emptyArgs(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("call_1", "now", ""), call("call_2", "add", "")));
    lab.server.enqueue(lab.wire.text("Noon."));
    MatrixTools tools = new MatrixTools();
    lab.run(lab.agent(tools).build(), "Time?");

    Map<String, String> fed = lastToolResultsSent(lab);
    assertThat(fed.get("call_1")).isEqualTo("12:00");
    assertThat(fed.get("call_2")).startsWith("Error: arguments for 'add' do not match its schema: ");
    assertThat(tools.executions("now")).isEqualTo(1);
    assertThat(tools.executions("add")).isZero();
  }

  static void badIds(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("call_1", "now", "{}"), call("call_1", "now", "{}")));
    lab.server.enqueue(lab.wire.calls(call("", "now", "{}")));
    MatrixTools tools = new MatrixTools();
    Agent agent = lab.agent(tools).build();

    assertThat(lab.failure(agent, "Time?")).isInstanceOf(ModelBehaviorException.class)
        .hasMessage("The model sent two tool calls with the id 'call_1'.");
    assertThat(lab.failure(agent, "Time?")).isInstanceOf(ModelBehaviorException.class)
        .hasMessage("The model sent a tool call to 'now' without an id.");
    assertThat(tools.executions("now")).isZero();
  }

  static void toolCallsFinish(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.respond(StandIn.Turn.text("").withFinish("tool_calls")));
    assertThat(lab.failure(lab.agent().build(), "Hi")).isInstanceOf(ModelBehaviorException.class)
        .hasMessage("The model's turn ended with finish_reason tool_calls but contained no tool calls.");
  }

  static void length(Lab lab) throws Exception {
    Agent agent = lab.agent(new MatrixTools()).build();
    lab.server.enqueue(lab.wire.respond(StandIn.Turn.text("The answer is cut").cutByLength()));
    RunResult cut = lab.run(agent, "Hi");
    assertThat(cut.finalText()).isEqualTo("The answer is cut");
    assertThat(cut.truncated()).isTrue();

    lab.server.enqueue(lab.wire.respond(StandIn.Turn.text("").cutByLength()));
    assertThat(lab.failure(agent, "Hi")).isInstanceOf(OutputTruncatedException.class);

    MatrixTools tools = new MatrixTools();
    lab.server.enqueue(lab.wire.respond(StandIn.Turn.calls(call("call_1", "add", "{\"a\":1,\"b\":2}")).cutByLength()));
    lab.server.enqueue(lab.wire.text("Done."));
    lab.run(lab.agent(tools).build(), "1+2?");
    assertThat(lastToolResultsSent(lab)).containsExactly(Map.entry("call_1", "Error: the arguments were cut off by the "
        + "output token limit, so the tool was not run. Call it again with shorter arguments."));
    assertThat(tools.executions("add")).isZero();
  }

  static void filterAndRefusal(Lab lab) throws Exception {
    Agent agent = lab.agent().build();
    lab.server.enqueue(lab.wire.respond(StandIn.Turn.text("").contentFiltered()));
    assertThat(lab.failure(agent, "Hi")).isInstanceOf(ContentFilteredException.class);

    lab.server.enqueue(lab.wire.respond(StandIn.Turn.refusal("I can't help with that.")));
    RuntimeException e = lab.failure(agent, "Hi");
    assertThat(e).isInstanceOf(ModelRefusalException.class).hasMessageContaining("I can't help with that.");
    assertThat(lab.requests()).hasSize(2); // no retry loop up to maxTurns
  }

  static void empty(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.text(""));
    assertThat(lab.failure(lab.agent().build(), "Hi")).isInstanceOf(EmptyResponseException.class);
    lab.server.enqueue(lab.wire.text(""));
    assertThat(lab.run(lab.agent().allowEmptyAnswer().build(), "Hi").finalText()).isEmpty();
  }

  static void loop(Lab lab) throws Exception {
    AtomicInteger n = new AtomicInteger();
    lab.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return lab.wire.calls(call("call_" + n.incrementAndGet(), "now", "{}"));
      }
    });
    MatrixTools tools = new MatrixTools();
    RuntimeException turns = lab.failure(lab.agent(tools).maxTurns(3).build(), "Loop");
    assertThat(turns).isInstanceOf(MaxTurnsExceededException.class).hasMessageContaining("Max turns (3) exceeded");
    assertThat(toolResults(((MaxTurnsExceededException) turns).messages())).hasSize(3);

    RuntimeException limit = lab.failure(lab.agent(tools).toolCallLimits(2, 150).build(), "Loop");
    assertThat(limit).isInstanceOf(ToolCallLimitExceededException.class)
        .hasMessageContaining("called 'now' 3 times in this run; the limit per tool is 2");
    assertThat(toolResults(((ToolCallLimitExceededException) limit).messages())).hasSize(3);
    assertThat(tools.executions("now")).isEqualTo(3 + 2);
  }

  static void twoHundredCalls(Lab lab) throws Exception {
    ToolCall[] calls = new ToolCall[200];
    for (int i = 0; i < calls.length; i++) {
      calls[i] = call("call_" + i, "busy", "{\"n\":" + i + "}");
    }
    MatrixTools tools = new MatrixTools();
    lab.server.enqueue(lab.wire.calls(calls));
    lab.server.enqueue(lab.wire.text("All done."));
    lab.run(lab.agent(tools).toolConcurrency(8).toolCallLimits(200, 200).build(), "Go");

    Map<String, String> fed = lastToolResultsSent(lab);
    assertThat(fed).hasSize(200);
    assertThat(new ArrayList<>(fed.keySet())).isEqualTo(java.util.Arrays.stream(calls).map(ToolCall::id).toList());
    assertThat(fed.get("call_199")).isEqualTo("call 199");
    assertThat(tools.maxRunning.get()).isBetween(1, 8);

    lab.server.enqueue(lab.wire.calls(calls));
    RuntimeException e = lab.failure(lab.agent(new MatrixTools()).build(), "Go");
    assertThat(e).isInstanceOf(ToolCallLimitExceededException.class)
        .hasMessageContaining("asked for 200 tool calls in this run; the limit is 150");
    assertThat(toolResults(((ToolCallLimitExceededException) e).messages())).hasSize(200)
        .allSatisfy(t -> assertThat(t.content()).isEqualTo("Error: not run, the run's tool call limit was reached."));
  }

  // --- tool execution (b28-b35) ----------------------------------------------------------------

  static void throwingTool(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("call_1", "boom", "{\"x\":\"?\"}")));
    lab.server.enqueue(lab.wire.text("It failed."));
    lab.run(lab.agent(new MatrixTools()).build(), "Try");

    assertThat(lastToolResultsSent(lab)).containsExactly(Map.entry("call_1", "Error: tool 'boom' failed (IllegalStateException)."));
    assertThat(String.join("\n", lab.requests().stream().map(r -> r.getBody().utf8()).toList())).doesNotContain("hunter2");
    assertThat(lab.events).filteredOn(dev.conduit.agent.AgentEvent.ToolCallFailed.class::isInstance).singleElement()
        .satisfies(f -> assertThat(((dev.conduit.agent.AgentEvent.ToolCallFailed) f).error()).get()
            .isInstanceOf(IllegalStateException.class));
  }

  static void fatalTool(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("call_1", "fatal", "{\"x\":\"?\"}")));
    lab.server.enqueue(lab.wire.text("never"));
    Agent agent = lab.agent(new MatrixTools()).build();
    try {
      lab.run(agent, "Go");
      throw new AssertionError("expected the Error to end the run");
    } catch (OutOfMemoryError expected) {
      assertThat(expected).hasMessage("simulated by the fault matrix");
    }
    assertThat(lab.requests()).hasSize(1); // no tool message was made of it, no further model call
  }

  static void parallelFailures(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("c1", "add", "{\"a\":1,\"b\":2}"), call("c2", "boom", "{\"x\":\"?\"}"),
        call("c3", "slow", "{\"x\":\"?\"}"), call("c4", "add", "{\"a\":3,\"b\":4}")));
    lab.server.enqueue(lab.wire.text("Done."));
    MatrixTools tools = new MatrixTools();
    lab.run(lab.agent(tools).toolTimeout(Duration.ofMillis(200)).build(), "Go");

    assertThat(lastToolResultsSent(lab)).containsExactly(
        Map.entry("c1", "3"),
        Map.entry("c2", "Error: tool 'boom' failed (IllegalStateException)."),
        Map.entry("c3", "Tool 'slow' timed out after 200 ms."),
        Map.entry("c4", "7"));
    Lab.patiently()
        .untilAsserted(() -> assertThat(tools.interrupted).hasValue(1));
  }

  static void oddResults(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("c1", "nothing", "{\"x\":\"?\"}"), call("c2", "huge", "{\"n\":20000}"),
        call("c3", "loop", "{\"x\":\"?\"}")));
    lab.server.enqueue(lab.wire.text("Done."));
    lab.run(lab.agent(new MatrixTools()).build(), "Go");

    Map<String, String> fed = lastToolResultsSent(lab);
    assertThat(fed.get("c1")).isEqualTo("null");
    assertThat(fed.get("c2")).isEqualTo("x".repeat(16_000) + "\n[truncated: 4000 more characters]");
    assertThat(fed.get("c3")).startsWith("Error: tool 'loop' ran, but its result could not be converted to JSON (");
  }

  static void resume(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("c1", "add", "{\"a\":1,\"b\":2}")));
    lab.server.enqueue(withHeader(StandIn.status(400, "invalid_request_error", "bad"), "x-request-id", "req_bad"));
    MatrixTools tools = new MatrixTools();
    Agent agent = lab.agent(tools).build();
    RuntimeException e = lab.failure(agent, "1+2?");
    assertThat(e).isInstanceOf(ModelCallException.class).hasMessageStartingWith("Model call failed on turn 2: HTTP 400");
    List<Message> kept = ((ModelCallException) e).messages();
    assertThat(kept.get(kept.size() - 1)).isEqualTo(new ToolResult("c1", "add", "3", false));

    lab.server.enqueue(lab.wire.text("3."));
    List<Message> next = new ArrayList<>(kept);
    RunResult resumed = lab.streaming ? agent.runStreaming(next, ev -> { }) : agent.run(next);
    assertThat(resumed.finalText()).isEqualTo("3.");
    assertThat(tools.executions("add")).isEqualTo(1);
    assertThat(toolResultsSent(lab, lab.requests().get(2))).containsExactly(Map.entry("c1", "3"));
  }

  static void deadline(Lab lab) throws Exception {
    lab.server.enqueue(lab.wire.calls(call("c1", "slow", "{\"x\":\"?\"}")));
    lab.server.enqueue(lab.wire.text("never"));
    MatrixTools tools = new MatrixTools();
    RuntimeException e = lab.failure(lab.agent(tools).runTimeout(Duration.ofMillis(300)).build(), "Go");

    assertThat(e).isInstanceOf(RunTimeoutException.class).hasMessageContaining("longer than its timeout of 300 ms");
    assertThat(((RunTimeoutException) e).messages().get(((RunTimeoutException) e).messages().size() - 1))
        .isEqualTo(new ToolResult("c1", "slow", "Error: tool 'slow' was cancelled.", true));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    Lab.patiently()
        .untilAsserted(() -> assertThat(tools.interrupted).hasValue(1));
    assertThat(lab.requests()).hasSize(1);
  }

  static void concurrentRuns(Lab lab) throws Exception {
    lab.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
        JsonNode items = body.has("messages") ? body.get("messages") : body.get("input");
        String question = items.get(items.size() - 1).path("content").isString()
            ? items.get(items.size() - 1).path("content").asString()
            : items.get(items.size() - 1).path("content").get(0).path("text").asString();
        return lab.wire.text("echo " + question);
      }
    });
    Agent agent = lab.agent().build();
    List<CompletableFuture<String>> runs = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      String q = "question " + i;
      runs.add(CompletableFuture.supplyAsync(() -> lab.run(agent, q).finalText()));
    }
    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("echo question " + i);
    }
    assertThat(lab.requests()).hasSize(32);
  }

  // --- a gateway that echoes the key (RELIABILITY.md K1-K2); the canary check runs after each scenario ---

  static void echoedInErrorBody(Lab lab) throws Exception {
    lab.server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "session=" + Lab.KEY)
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + Lab.KEY + "\",\"type\":\"invalid_request_error\","
            + "\"param\":null,\"code\":\"invalid_api_key\"}}").build());
    ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);
    assertThat(e).hasMessageContaining("Incorrect API key provided: ****");
  }

  static void echoedInMalformedAnswer(Lab lab) throws Exception {
    String echo = "debug: Authorization: Bearer " + Lab.KEY;
    lab.server.enqueue(lab.streaming
        ? new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body("data: " + echo + "\n\n").build()
        : new MockResponse.Builder().addHeader("Content-Type", "application/json").body(echo).build());
    ModelResponseException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelResponseException.class);
    assertThat(e).hasMessageContaining("not JSON");
  }

  static void echoedInStreamError(Lab lab) throws Exception {
    String message = "Invalid key " + Lab.KEY;
    lab.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(lab.endpoint == Endpoint.CHAT_COMPLETIONS
            ? "data: {\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}\n\n"
            : "event: error\ndata: {\"type\":\"error\",\"code\":\"invalid_api_key\",\"message\":\"" + message + "\"}\n\n")
        .build());
    ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);
    assertThat(e).hasMessageContaining("Invalid key");
  }

  static void echoedInFailedResponse(Lab lab) throws Exception {
    String failed = "{\"id\":\"r\",\"object\":\"response\",\"status\":\"failed\",\"error\":{\"code\":\"invalid_api_key\","
        + "\"message\":\"Key " + Lab.KEY + " was revoked\"},\"output\":[]}";
    lab.server.enqueue(lab.streaming
        ? new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
            .body("event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":" + failed + "}\n\n").build()
        : new MockResponse.Builder().addHeader("Content-Type", "application/json").body(failed).build());
    ModelApiException e = causeOf(lab.failure(lab.agent().build(), "Hi"), ModelApiException.class);
    assertThat(e.code()).contains("invalid_api_key");
  }

  static List<Message> userInput(String text) {
    return List.of(UserMessage.of(text));
  }
}
