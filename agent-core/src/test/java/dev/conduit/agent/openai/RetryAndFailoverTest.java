package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelConnectionException;
import dev.conduit.agent.model.ModelTimeoutException;
import dev.conduit.agent.model.QuotaExceededException;
import dev.conduit.agent.model.RateLimitedException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry and failover matrix: attempt counts, backoff ranges, and which server served each attempt. */
@Timeout(30)
class RetryAndFailoverTest {
  private static final String OK = "{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";
  private static final String QUOTA = "{\"error\":{\"message\":\"You exceeded your current quota\","
      + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}";

  @StartStop final MockWebServer primary = new MockWebServer();
  @StartStop final MockWebServer fallback = new MockWebServer();
  final Wire.RecordingSleeper sleeper = new Wire.RecordingSleeper();

  private OpenAiClient.Builder client() {
    return Wire.client(primary, Endpoint.CHAT_COMPLETIONS).sleeper(sleeper);
  }

  private OpenAiClient withFallback() {
    return client().fallbackBaseUrl(fallback.url("/v1").toString()).build();
  }

  private static MockResponse status(int code) {
    return Wire.json(code, "{\"error\":{\"message\":\"status " + code + "\",\"type\":\"server_error\",\"param\":null,"
        + "\"code\":null}}");
  }

  private static List<String> retryCounts(MockWebServer server) throws InterruptedException {
    List<String> counts = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
      counts.add(r.getHeaders().get("X-Conduit-Retry-Count"));
    }
    return counts;
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void retryableStatusesAreRetriedTwiceThenSucceed(int code) throws Exception {
    primary.enqueue(status(code));
    primary.enqueue(status(code));
    primary.enqueue(Wire.ok(OK));

    assertThat(client().build().complete(Requests.simple("?")).message().text()).isEqualTo("ok");
    assertThat(retryCounts(primary)).containsExactly("0", "1", "2");
  }

  @Test
  void backoffDoublesFromHalfASecondWithJitterBetweenThreeQuartersAndOne() {
    RetryingCaller caller = new RetryingCaller(List.of(), 5, Duration.ofSeconds(60), sleeper);
    long[][] ranges = {{375, 500}, {750, 1000}, {1500, 2000}, {3000, 4000}, {6000, 8000}, {6000, 8000}};
    for (int retry = 0; retry < ranges.length; retry++) {
      for (int sample = 0; sample < 200; sample++) {
        assertThat(caller.backoff(retry).toMillis()).as("retry %d", retry).isBetween(ranges[retry][0], ranges[retry][1]);
      }
    }
  }

  @Test
  void exhaustedRetriesThrowTheLastTypedErrorAfterThreeAttempts() {
    for (int i = 0; i < 3; i++) {
      primary.enqueue(status(503));
    }

    assertThatThrownBy(() -> client().build().complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.errorType()).contains("server_error");
          assertThat(e.requestId()).contains("req_503");
        });
    assertThat(primary.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.sleeps).hasSize(2);
    assertThat(sleeper.sleeps.get(0).toMillis()).isBetween(375L, 500L);
    assertThat(sleeper.sleeps.get(1).toMillis()).isBetween(750L, 1000L);
  }

  @Test
  void maxRetriesZeroMeansOneAttempt() {
    primary.enqueue(status(500));

    assertThatThrownBy(() -> client().maxRetries(0).build().complete(Requests.simple("?")))
        .isInstanceOf(ModelApiException.class);
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void retryAfterMsWinsOverRetryAfterAndIsHonoured() throws Exception {
    primary.enqueue(status(429).newBuilder().addHeader("Retry-After-Ms", "1500").addHeader("Retry-After", "9").build());
    primary.enqueue(status(503).newBuilder().addHeader("Retry-After", "2.5").build());
    primary.enqueue(Wire.ok(OK));

    client().build().complete(Requests.simple("?"));

    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(2500));
  }

  @Test
  void garbageRetryAfterFallsBackToBackoff() throws Exception {
    primary.enqueue(status(429).newBuilder().addHeader("Retry-After", "soon").build());
    primary.enqueue(Wire.ok(OK));

    client().build().complete(Requests.simple("?"));

    assertThat(sleeper.sleeps).hasSize(1);
    assertThat(sleeper.sleeps.get(0).toMillis()).isBetween(375L, 500L);
  }

  @Test
  void retryAfterAboveTheCapFailsFastWithRateLimitedCarryingIt() {
    primary.enqueue(status(429).newBuilder().addHeader("Retry-After", "3600").build());

    assertThatThrownBy(() -> client().build().complete(Requests.simple("?")))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)))
        .hasMessageContaining("asked to wait 3600 s, more than the 60 s cap");
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void quotaAndBillingErrorsAreNeverRetriedNorFailedOver() {
    primary.enqueue(Wire.json(429, QUOTA));
    primary.enqueue(Wire.json(429, "{\"error\":{\"message\":\"Spend limit\",\"type\":\"invalid_request_error\","
        + "\"code\":\"organization_spend_limit_exceeded\",\"param\":null}}").newBuilder()
        .addHeader("x-should-retry", "true").build());
    OpenAiClient client = withFallback();

    assertThatThrownBy(() -> client.complete(Requests.simple("?")))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.code()).contains("insufficient_quota");
          assertThat(e.statusCode()).isEqualTo(429);
        });
    assertThatThrownBy(() -> client.complete(Requests.simple("?")))
        .isInstanceOfSatisfying(QuotaExceededException.class,
            e -> assertThat(e.code()).contains("organization_spend_limit_exceeded"));
    assertThat(primary.getRequestCount()).isEqualTo(2);
    assertThat(fallback.getRequestCount()).isZero();
  }

  @Test
  void xShouldRetryIsObeyedFirst() throws Exception {
    primary.enqueue(status(500).newBuilder().addHeader("x-should-retry", "false").build());
    assertThatThrownBy(() -> client().build().complete(Requests.simple("?"))).isInstanceOf(ModelApiException.class);
    assertThat(primary.getRequestCount()).isEqualTo(1);

    primary.enqueue(status(400).newBuilder().addHeader("x-should-retry", "true").build());
    primary.enqueue(Wire.ok(OK));
    assertThat(client().build().complete(Requests.simple("?")).message().text()).isEqualTo("ok");
    assertThat(primary.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void callerErrorsAreNeitherRetriedNorFailedOver(int code) {
    primary.enqueue(status(code));
    OpenAiClient client = withFallback();

    assertThatThrownBy(() -> client.complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelApiException.class, e -> assertThat(e.statusCode()).isEqualTo(code));
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(fallback.getRequestCount()).isZero();
  }

  @Test
  void afterThePrimarySpendsItsRetriesTheFallbackGetsTheSameRequestOnce() throws Exception {
    for (int i = 0; i < 3; i++) {
      primary.enqueue(status(503));
    }
    fallback.enqueue(status(502));
    fallback.enqueue(Wire.ok(OK));

    assertThat(withFallback().complete(Requests.everything()).message().text()).isEqualTo("ok");

    assertThat(primary.getRequestCount()).isEqualTo(3);
    assertThat(fallback.getRequestCount()).isEqualTo(2);
    List<RecordedRequest> served = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      served.add(primary.takeRequest());
    }
    RecordedRequest first = fallback.takeRequest();
    RecordedRequest second = fallback.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(first.getBody()).isEqualTo(served.get(0).getBody());
    assertThat(served).extracting(r -> r.getHeaders().get("X-Conduit-Retry-Count")).containsExactly("0", "1", "2");
    assertThat(first.getHeaders().get("X-Conduit-Retry-Count")).isEqualTo("3");
    assertThat(second.getHeaders().get("X-Conduit-Retry-Count")).isEqualTo("4");
    // no wait before switching servers: two backoffs on the primary, one on the fallback
    assertThat(sleeper.sleeps).hasSize(3);
  }

  @Test
  void whenBothServersFailTheLastErrorIsThrownAfterSixAttempts() {
    for (int i = 0; i < 3; i++) {
      primary.enqueue(status(500));
      fallback.enqueue(status(503));
    }

    assertThatThrownBy(() -> withFallback().complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelApiException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(primary.getRequestCount()).isEqualTo(3);
    assertThat(fallback.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRetryAfterAboveTheCapGoesStraightToTheFallback() throws Exception {
    primary.enqueue(status(429).newBuilder().addHeader("Retry-After", "600").build());
    fallback.enqueue(Wire.ok(OK));

    assertThat(withFallback().complete(Requests.simple("?")).message().text()).isEqualTo("ok");
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void connectionFailuresAreRetriedThenFailOverThenReportAttempts() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    OpenAiClient client = OpenAiClient.builder().apiKey(Wire.KEY).sleeper(sleeper)
        .baseUrl("http://127.0.0.1:" + closedPort + "/v1").fallbackBaseUrl("http://127.0.0.1:" + closedPort + "/v2")
        .build();

    assertThatThrownBy(() -> client.complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelConnectionException.class, e -> assertThat(e.attempts()).isEqualTo(6))
        .hasMessageContaining("after 6 attempts").hasMessageContaining("Check the baseUrl");
    assertThat(sleeper.sleeps).hasSize(4);
  }

  @Test
  void aResetConnectionIsRetried() throws Exception {
    primary.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    primary.enqueue(Wire.ok(OK));

    assertThat(client().build().complete(Requests.simple("?")).message().text()).isEqualTo("ok");
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void aStalledServerTimesOutOnEveryAttemptAndTheMessageNamesTheTimeout() {
    for (int i = 0; i < 2; i++) {
      primary.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(OK).build());
    }
    OpenAiClient client = client().maxRetries(1).attemptTimeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> client.complete(Requests.simple("?")))
        .isInstanceOf(ModelTimeoutException.class)
        .hasMessageContaining("after 2 attempts")
        .hasMessageContaining("per-attempt timeout of 300 ms")
        .hasMessageContaining("attemptTimeout(...)");
  }

  @Test
  void aPlainBodyThatStallsHalfwayIsCutByTheAttemptTimeout() {
    // Plain exchanges have no per-read timeout (the call timeout bounds them): a body that stops
    // coming after its headers must still end within the attempt timeout, named as such.
    for (int i = 0; i < 2; i++) {
      primary.enqueue(new MockResponse.Builder().body(OK).throttleBody(8, 5, TimeUnit.SECONDS).build());
    }
    OpenAiClient client = client().maxRetries(1).attemptTimeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> client.complete(Requests.simple("?")))
        .isInstanceOf(ModelTimeoutException.class)
        .hasMessageContaining("after 2 attempts")
        .hasMessageContaining("per-attempt timeout of 300 ms");
  }

  @Test
  void aSilentStreamTimesOutWithTheStreamIdleTimeout() {
    primary.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body("data: {\"choices\":[{\"index\":0,\"delta\":{}}]}\n\ndata: [DONE]\n\n")
        .throttleBody(48, 2, TimeUnit.SECONDS).build());
    OpenAiClient client = client().maxRetries(0).streamIdleTimeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> client.stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOf(ModelTimeoutException.class)
        .hasMessageContaining("stream idle timeout of 300 ms")
        .hasMessageContaining("streamIdleTimeout(...)");
  }

  @Test
  void aCallerSetRetryCountHeaderIsPreserved() throws Exception {
    primary.enqueue(status(500));
    primary.enqueue(Wire.ok(OK));

    client().header("X-Conduit-Retry-Count", "7").build().complete(Requests.simple("?"));

    assertThat(retryCounts(primary)).containsExactly("7", "7");
  }

  @Test
  void streamsFailingBeforeOutputAreRetriedOnTheFallback() throws Exception {
    for (int i = 0; i < 3; i++) {
      primary.enqueue(status(500));
    }
    fallback.enqueue(Wire.sse(Wire.resource("recorded/chat_completion_stream_text.sse")));

    assertThat(withFallback().stream(Requests.simple("?"), new RecordingListener()).message().text())
        .startsWith("I'm unable");
    assertThat(fallback.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyIsMadeOncePerCallAndReusedOnEveryRetryAndOnTheFallback() throws Exception {
    for (int i = 0; i < 3; i++) {
      primary.enqueue(status(503));
    }
    fallback.enqueue(Wire.ok(OK));
    primary.enqueue(Wire.ok(OK)); // the second call
    OpenAiClient client = client().fallbackBaseUrl(fallback.url("/v1").toString())
        .idempotencyHeader("Idempotency-Key").build();

    client.complete(Requests.simple("?"));
    client.complete(Requests.simple("?"));

    List<String> firstCall = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      firstCall.add(primary.takeRequest().getHeaders().get("Idempotency-Key"));
    }
    firstCall.add(fallback.takeRequest().getHeaders().get("Idempotency-Key"));
    String secondCall = primary.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(firstCall).hasSize(4).allMatch(k -> k != null && k.matches("conduit-retry-[0-9a-f-]{36}"))
        .containsOnly(firstCall.get(0));
    assertThat(secondCall).matches("conduit-retry-[0-9a-f-]{36}").isNotEqualTo(firstCall.get(0));
  }

  @Test
  void aRetriedStreamKeepsItsIdempotencyKey() throws Exception {
    primary.enqueue(status(500));
    primary.enqueue(Wire.sse(Wire.resource("recorded/chat_completion_stream_text.sse")));

    client().idempotencyHeader("Idempotency-Key").build().stream(Requests.simple("?"), new RecordingListener());

    String first = primary.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(first).startsWith("conduit-retry-");
    assertThat(primary.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(first);
  }

  @Test
  void noIdempotencyKeyIsSentUnlessAHeaderIsNamed() throws Exception {
    primary.enqueue(Wire.ok(OK));

    client().build().complete(Requests.simple("?"));

    assertThat(primary.takeRequest().getHeaders().toString()).doesNotContain("conduit-retry-");
  }

  @Test
  void aServerWhoseBacklogIsFullTimesOutOnConnectAndTheMessageNamesTheConnectTimeout() throws Exception {
    // A listening socket that never accepts, its backlog filled: Linux drops further SYNs, so the
    // client's connect waits, as it would for a host that does not answer.
    try (ServerSocket never = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      List<SocketChannel> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          SocketChannel filler = SocketChannel.open();
          filler.configureBlocking(false);
          filler.connect(never.getLocalSocketAddress());
          fillers.add(filler);
        }
        OpenAiClient client = Wire.client(primary, Endpoint.CHAT_COMPLETIONS).sleeper(sleeper)
            .baseUrl("http://127.0.0.1:" + never.getLocalPort() + "/v1").maxRetries(0)
            .connectTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> client.complete(Requests.simple("?")))
            .isInstanceOf(ModelTimeoutException.class)
            .hasMessageContaining("the connect timeout of 200 ms ran out")
            .hasMessageContaining("connectTimeout(...)");
      } finally {
        for (SocketChannel filler : fillers) {
          filler.close();
        }
      }
    }
  }
}
