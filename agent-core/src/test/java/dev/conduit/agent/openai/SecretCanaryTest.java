package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A canary key must never show in a log line (even at TRACE), an exception message or a toString. */
@Timeout(20)
class SecretCanaryTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final CapturingLogger log = new CapturingLogger();

  /** An SLF4J logger with every level on, keeping each formatted line. */
  static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args) + (t == null ? "" : " " + t));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }

  private static void assertNoCanary(String text) {
    assertThat(text)
        .doesNotContain(Wire.KEY)
        .doesNotContain(URLEncoder.encode(Wire.KEY, StandardCharsets.UTF_8))
        .doesNotContain(Base64.getEncoder().encodeToString(Wire.KEY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theKeyAppearsNowhereWhateverHappens() throws Exception {
    OpenAiClient client = Wire.client(server, Endpoint.CHAT_COMPLETIONS).logger(log).header("x-api-key", Wire.KEY)
        .maxRetries(1).build();
    List<String> seen = new ArrayList<>();
    // a gateway that echoes the key in its error body, then in a 500, then a success and a stream
    server.enqueue(Wire.json(401, "{\"error\":{\"message\":\"Invalid key " + Wire.KEY + "\",\"type\":\"auth\","
        + "\"param\":null,\"code\":\"invalid_api_key\"}}").newBuilder().addHeader("Set-Cookie", "s=" + Wire.KEY).build());
    server.enqueue(Wire.json(500, "<html>key=" + Wire.KEY + "</html>"));
    server.enqueue(Wire.json(500, "<html>key=" + Wire.KEY + "</html>"));
    server.enqueue(Wire.ok("{\"choices\":[{\"message\":{\"content\":\"echo " + Wire.KEY + "\"}}]}"));
    server.enqueue(Wire.sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + Wire.KEY + "\"},"
        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));

    for (int i = 0; i < 2; i++) {
      try {
        client.complete(Requests.simple("?"));
      } catch (RuntimeException e) {
        seen.add(e.getMessage());
        seen.add(e.toString());
      }
    }
    client.complete(Requests.simple("?"));
    client.stream(Requests.simple("?"), new RecordingListener());
    seen.add(client.toString());
    seen.add(client.toBuilder().toString());
    seen.add(ApiKey.of(Wire.KEY).toString());

    assertThat(log.lines).isNotEmpty();
    assertThat(String.join("\n", log.lines)).contains("Authorization: <redacted>").contains("x-api-key: <redacted>")
        .contains("Set-Cookie: <redacted>").contains("\"content\":\"****\"");
    log.lines.forEach(SecretCanaryTest::assertNoCanary);
    seen.forEach(SecretCanaryTest::assertNoCanary);
    assertThat(seen.get(0)).contains("Invalid key ****");
    assertThat(ApiKey.of(Wire.KEY).toString()).isEqualTo("ApiKey[****fXYZ]");
  }

  @Test
  void oneDebugLinePerAttemptAndNothingAtInfoOrAbove() throws Exception {
    server.enqueue(Wire.json(503, "{}"));
    server.enqueue(Wire.ok("{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));

    Wire.client(server, Endpoint.CHAT_COMPLETIONS).logger(log).build().complete(Requests.simple("?"));

    List<String> debug = log.lines.stream().filter(l -> l.startsWith("DEBUG")).toList();
    assertThat(debug).hasSize(2);
    assertThat(debug.get(0)).matches("DEBUG POST http://.*/v1/chat/completions -> 503 \\(request id req_503, attempt 1, \\d+ ms\\)");
    assertThat(debug.get(1)).contains("-> 200 (request id req_200, attempt 2");
    assertThat(log.lines).allMatch(l -> l.startsWith("DEBUG") || l.startsWith("TRACE"));
  }
}
