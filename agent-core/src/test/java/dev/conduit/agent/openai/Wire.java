package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import tools.jackson.databind.JsonNode;

/** Test fixtures: recorded payloads, golden files, canned responses, a client pointed at a MockWebServer. */
final class Wire {
  static final String KEY = "sk-test-canary-0123456789abcdefXYZ";

  private Wire() {}

  static String resource(String path) {
    try (InputStream in = Wire.class.getResourceAsStream("/openai/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /openai/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    return Json.MAPPER.readTree(text);
  }

  static JsonNode golden(String name) {
    return json(resource("golden/" + name));
  }

  static JsonNode body(RecordedRequest request) {
    return json(request.getBody().utf8());
  }

  static void assertBodyMatchesGolden(RecordedRequest request, String golden) {
    assertThat(body(request)).isEqualTo(golden(golden));
  }

  static OpenAiClient.Builder client(MockWebServer server, Endpoint endpoint) {
    return OpenAiClient.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/v1").toString())
        .endpoint(endpoint)
        .sleeper(new RecordingSleeper());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_" + code).body(body).build();
  }

  static MockResponse ok(String body) {
    return json(200, body);
  }

  static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .addHeader("x-request-id", "req_stream").body(body).build();
  }

  /** The body written in chunks of random sizes, each flushed: events split at arbitrary byte offsets. */
  static MockResponse sseInRandomChunks(String body, long seed) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Random random = new Random(seed);
    MockResponseBody chunked = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        int at = 0;
        while (at < bytes.length) {
          int n = Math.min(bytes.length - at, 1 + random.nextInt(97));
          sink.write(bytes, at, n);
          sink.flush();
          at += n;
        }
      }
    };
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(chunked).build();
  }

  /** Records every backoff instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }
}
