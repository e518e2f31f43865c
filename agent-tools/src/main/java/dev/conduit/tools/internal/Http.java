package dev.conduit.tools.internal;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.tool.ToolException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * HTTP plumbing for tools that call a developer-configured API (weather, search). Not part of the public
 * API. Failures become {@link ToolException}s that name the service and what happened, never a header.
 */
public final class Http {
  /** One connection pool and dispatcher for all tools; each tool derives its client with newBuilder(). */
  private static final OkHttpClient SHARED = new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(5))
      .readTimeout(Duration.ofSeconds(20))
      .callTimeout(Duration.ofSeconds(20))
      // A redirect would carry API-key headers to wherever it points: treat it as an error instead.
      .followRedirects(false)
      .followSslRedirects(false)
      .build();

  /** Upper bound for a JSON API answer; a real search or forecast answer is a few tens of KiB. */
  public static final long MAX_API_RESPONSE_BYTES = 2L * 1024 * 1024;

  private Http() {}

  public static OkHttpClient.Builder clientBuilder() {
    return SHARED.newBuilder();
  }

  /** A status and a body read in full (up to a limit). */
  public record Answer(int status, String body) {
    public boolean isSuccessful() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Parses a configured endpoint URL, failing with the fix when it is not an absolute http(s) URL. A URL
   * without a path gets {@code defaultPath}, so both "https://host" and "https://host/v1/x" work.
   */
  public static HttpUrl endpoint(String url, String name, String defaultPath) {
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new IllegalArgumentException(
          name + " is not an absolute http:// or https:// URL: " + url + " (expected e.g. https://host" + defaultPath + ")");
    }
    if (parsed.encodedPath().equals("/")) {
      parsed = parsed.newBuilder().encodedPath(defaultPath).build();
    }
    return parsed;
  }

  /** Sends the request and reads the whole answer; transport failures become texts for the model. */
  public static Answer send(OkHttpClient client, Request request, String service) {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      return new Answer(response.code(), readAtMost(body.source(), MAX_API_RESPONSE_BYTES, service));
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw cancelled(e);
      }
      throw new ToolException(service + " did not answer in time. Try again later or answer without it.", e);
    } catch (IOException e) {
      throw new ToolException(service + " could not be reached. Try again later or answer without it.", e);
    }
  }

  /** Parses JSON, or explains that the service answered with something else. */
  public static JsonNode json(String body, String service) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ToolException(service + " returned an answer that is not a JSON object.");
      }
      return node;
    } catch (JacksonException e) {
      throw new ToolException(service + " returned an answer that is not valid JSON.", e);
    }
  }

  /** A short, single-line excerpt of a text from a service, to quote in an error message. */
  public static String excerpt(String text, int maxChars) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= maxChars ? line : line.substring(0, maxChars) + "…";
  }

  private static String readAtMost(BufferedSource source, long limit, String service) throws IOException {
    Buffer buffer = new Buffer();
    while (buffer.size() <= limit) {
      if (source.read(buffer, 8192) == -1) {
        return buffer.readString(StandardCharsets.UTF_8);
      }
    }
    throw new ToolException(service + " returned an answer larger than " + limit / 1024 + " KiB.");
  }

  private static RuntimeException cancelled(InterruptedIOException e) {
    CancellationException cancelled = new CancellationException("interrupted while waiting for an HTTP answer");
    cancelled.initCause(e);
    return cancelled;
  }
}
