package dev.conduit.agent.openai;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Request;
import org.slf4j.Logger;

/**
 * What the client logs: one DEBUG line per attempt (method, URL, status, request id, attempt);
 * headers and bodies only at TRACE, with credential headers redacted and the key scrubbed from any
 * text a server echoed. Nothing at INFO or above.
 */
final class HttpLog {
  static final Set<String> REDACTED = Set.of(
      "authorization", "proxy-authorization", "api-key", "x-api-key", "cookie", "set-cookie", "x-amz-security-token");
  private static final int MAX_BODY_CHARS = 16_384;

  private final Logger logger;
  private final ApiKey key;

  HttpLog(Logger logger, ApiKey key) {
    this.logger = logger;
    this.key = key;
  }

  void request(Request request, byte[] body) {
    if (logger.isTraceEnabled()) {
      logger.trace("--> {} {}\n{}{}", request.method(), request.url(), headers(request.headers()),
          key.scrub(shorten(new String(body, StandardCharsets.UTF_8))));
    }
  }

  void response(Request request, int attempt, int status, Headers headers, long startNanos) {
    if (logger.isDebugEnabled()) {
      logger.debug("{} {} -> {} (request id {}, attempt {}, {} ms)", request.method(), request.url(), status,
          Optional.ofNullable(headers.get("x-request-id")).orElse("none"), attempt + 1, millisSince(startNanos));
    }
    if (logger.isTraceEnabled()) {
      logger.trace("<-- {}\n{}", status, headers(headers));
    }
  }

  void failure(Request request, int attempt, Throwable failure, long startNanos) {
    if (logger.isDebugEnabled()) {
      logger.debug("{} {} -> failed: {} (request id none, attempt {}, {} ms)", request.method(), request.url(),
          key.scrub(String.valueOf(failure)), attempt + 1, millisSince(startNanos));
    }
  }

  void body(byte[] body) {
    if (logger.isTraceEnabled()) {
      logger.trace("<-- body\n{}", key.scrub(shorten(new String(body, StandardCharsets.UTF_8))));
    }
  }

  void event(String type, String data) {
    if (logger.isTraceEnabled()) {
      logger.trace("<-- event {}: {}", type, key.scrub(shorten(data)));
    }
  }

  private String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : key.scrub(headers.value(i));
      sb.append(name).append(": ").append(value).append('\n');
    }
    return sb.toString();
  }

  private static String shorten(String text) {
    return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS) + "...(" + text.length() + " chars)";
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
