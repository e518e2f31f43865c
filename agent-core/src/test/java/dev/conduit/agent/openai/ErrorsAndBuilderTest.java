package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.model.ModelApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(20)
class ErrorsAndBuilderTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private OpenAiClient client() {
    return Wire.client(server, Endpoint.CHAT_COMPLETIONS).maxRetries(0).build();
  }

  @Test
  void openAiErrorBodiesGiveTypeCodeParamMessageStatusAndRequestId() {
    server.enqueue(Wire.json(400, "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens.\","
        + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));

    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.errorType()).contains("invalid_request_error");
          assertThat(e.code()).contains("context_length_exceeded");
          assertThat(e.param()).contains("messages");
          assertThat(e.requestId()).contains("req_400");
        })
        .hasMessage("HTTP 400 from POST " + server.url("/v1/chat/completions") + ": This model's maximum context length"
            + " is 128000 tokens. [type invalid_request_error] [code context_length_exceeded] [param messages]"
            + " [request id req_400]");
  }

  @Test
  void unauthorizedNamesTheFix() {
    server.enqueue(Wire.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
        + "\"param\":null,\"code\":\"invalid_api_key\"}}"));

    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .hasMessageEndingWith("Check the API key given to OpenAiClient.builder().apiKey(...)");
  }

  @Test
  void aProxyHtmlPageGivesATypedErrorWithAShortExcerpt() {
    String html = "<html><body><h1>502 Bad Gateway</h1>" + "<p>nginx</p>".repeat(1000) + "</body></html>";
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());

    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.getMessage()).contains("<h1>502 Bad Gateway</h1>").contains("(" + html.length() + " bytes)");
          assertThat(e.getMessage().length()).isLessThan(2048 + 200);
          assertThat(e.errorType()).isEmpty();
        });
  }

  @Test
  void emptyTruncatedAndGatewayStyleErrorBodiesAreStillTyped() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(Wire.json(500, "{\"error\": {\"message\": \"half"));
    server.enqueue(Wire.json(404, "{\"error\":\"model not found\",\"code\":404}"));

    assertThatThrownBy(() -> client().complete(Requests.simple("?"))).hasMessageContaining("(empty body)");
    assertThatThrownBy(() -> client().complete(Requests.simple("?"))).hasMessageContaining("body: {\"error\": {\"message\": \"half");
    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelApiException.class, e -> assertThat(e.code()).contains("404"))
        .hasMessageContaining(": model not found");
  }

  @Test
  void aStreamRequestGettingAnErrorStatusGetsTheSameTypedError() {
    server.enqueue(Wire.json(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
        + "\"param\":null,\"code\":\"insufficient_quota\"}}"));

    assertThatThrownBy(() -> client().stream(Requests.simple("?"), new RecordingListener()))
        .isInstanceOf(dev.conduit.agent.model.QuotaExceededException.class);
  }

  @ParameterizedTest(name = "Retry-After {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1|1000", "1.5|1500", "60|60000", "61|61000", "0|", "-10|", "inf|", "nan|", "Infinity|", "0x10|",
      "''|", "soon|", "12345678901234567890123456789012345|",
      "Thu, 01 Jan 2026 00:00:30 GMT|30000", "Wed, 31 Dec 2025 23:59:59 GMT|",
      "Zun, 29 Sep 2026 00:00:00 GMT|", "Fri, 01 Jan 100000 00:00:00 GMT|"})
  void retryAfterParsing(String header, Long expectedMillis) {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Optional<Duration> parsed = RetryAfter.parse(Headers.of("Retry-After", header), clock);

    assertThat(parsed.map(Duration::toMillis)).isEqualTo(Optional.ofNullable(expectedMillis));
  }

  @Test
  void retryAfterMsIsReadFirstAndGarbageThereFallsBackToRetryAfter() {
    Clock clock = Clock.systemUTC();
    assertThat(RetryAfter.parse(Headers.of("Retry-After-Ms", "250.5", "Retry-After", "3"), clock))
        .contains(Duration.ofNanos(250_500_000));
    assertThat(RetryAfter.parse(Headers.of("Retry-After-Ms", "nan", "Retry-After", "3"), clock))
        .contains(Duration.ofSeconds(3));
  }

  @Test
  void aBadBaseUrlFailsFastAndNamesTheFix() {
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).baseUrl("api.example.com/v1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl has no scheme: api.example.com/v1 (expected http:// or https://)");
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).baseUrl("ftp://api.example.com/v1").build())
        .hasMessage("baseUrl has an unsupported scheme: ftp://api.example.com/v1 (expected http:// or https://)");
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).fallbackBaseUrl("https://").build())
        .hasMessageStartingWith("fallbackBaseUrl is not a valid URL: https://");
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).baseUrl("https://x.com/v1?key=1").build())
        .hasMessageStartingWith("baseUrl must not have a query or fragment");
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).baseUrl("https://u:p@x.com/v1").build())
        .hasMessageStartingWith("baseUrl must not contain a user name or password");
  }

  @Test
  void gatewayBaseUrlsAreTakenAsGivenWithOrWithoutATrailingSlash() throws Exception {
    for (String base : new String[] {"/api/openai/v1", "/api/openai/v1/"}) {
      server.enqueue(Wire.ok("{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));
      OpenAiClient.builder().apiKey(Wire.KEY).baseUrl(server.url(base).toString()).build().complete(Requests.simple("?"));
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/openai/v1/chat/completions");
    }
  }

  @Test
  void aMissingOrMalformedKeyIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> OpenAiClient.builder().build()).hasMessageStartingWith("apiKey is required");
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey("  ").build()).hasMessageStartingWith("apiKey is blank");
    String secret = "sk-secret-with-newline-123456";
    for (String bad : new String[] {secret + "\n", secret + "\r", "Bearer " + secret, secret + " "}) {
      assertThatThrownBy(() -> OpenAiClient.builder().apiKey(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("sk-"));
    }
  }

  @Test
  void aHeaderWithALineBreakIsRejectedWithoutEchoingItsValue() {
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).header("api-key", "azure-secret\n").build())
        .hasMessageContaining("api-key").satisfies(e -> assertThat(e.getMessage()).doesNotContain("azure-secret"));
  }

  @Test
  void extraHeadersAreSentOnEveryRequest() throws Exception {
    server.enqueue(Wire.ok("{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));
    Wire.client(server, Endpoint.CHAT_COMPLETIONS).header("OpenAI-Organization", "org_1").build()
        .complete(Requests.simple("?"));

    assertThat(server.takeRequest().getHeaders().get("OpenAI-Organization")).isEqualTo("org_1");
  }

  @Test
  void toBuilderDerivesAClientThatSharesTheConnectionPool() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    OpenAiClient chat = Wire.client(server, Endpoint.CHAT_COMPLETIONS).httpClient(shared).build();
    OpenAiClient responses = chat.toBuilder().endpoint(Endpoint.RESPONSES).build();
    server.enqueue(Wire.ok("{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));
    server.enqueue(Wire.ok("{\"output\":[]}"));

    chat.complete(Requests.simple("?"));
    responses.complete(Requests.simple("?"));

    assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(server.takeRequest().getConnectionIndex());
    assertThat(responses.toString()).contains("endpoint=RESPONSES").doesNotContain(Wire.KEY);
    assertThat(chat.toString()).contains("endpoint=CHAT_COMPLETIONS");
  }

  @Test
  void defaultsAreOpenAiAndTheDocumentedTimeouts() {
    String s = OpenAiClient.builder().apiKey(Wire.KEY).build().toString();

    assertThat(s).isEqualTo("OpenAiClient[endpoint=CHAT_COMPLETIONS, baseUrl=https://api.openai.com/v1, maxRetries=2, "
        + "connectTimeout=PT5S, attemptTimeout=PT10M, streamIdleTimeout=PT5M, headers=[]]");
  }

  @Test
  void outOfRangeSettingsAreRejected() {
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).maxRetries(-1).build())
        .hasMessage("maxRetries must be between 0 and 10, got -1");
    assertThatThrownBy(() -> OpenAiClient.builder().apiKey(Wire.KEY).connectTimeout(Duration.ZERO).build())
        .hasMessage("connectTimeout must be positive, got PT0S");
  }
}
