package dev.conduit.agent.openai;

import static dev.conduit.agent.openai.Fields.nonEmpty;
import static dev.conduit.agent.openai.Fields.obj;
import static dev.conduit.agent.openai.Fields.text;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.QuotaExceededException;
import dev.conduit.agent.model.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error status into a typed exception, whatever the body is: OpenAI's {@code {"error":
 * {...}}}, a gateway's {@code {"error": "text"}}, problem+json, or a proxy's HTML page (shown as an
 * excerpt of at most 2 KiB, never a parse exception).
 */
final class ErrorParser {
  static final int EXCERPT_BYTES = 2048;
  private static final Set<String> QUOTA_CODES = Set.of(
      "insufficient_quota", "credit_balance_exhausted", "organization_spend_limit_exceeded",
      "project_spend_limit_exceeded", "organization_usage_limit_exceeded");

  private ErrorParser() {}

  static HttpFailure parse(int status, Headers headers, byte[] body, String where, ApiKey key, Clock clock) {
    Optional<String> requestId = Optional.ofNullable(headers.get("x-request-id"));
    Detail d = detail(body);
    String message = key.scrub(describe(status, where, d, requestId));
    Optional<Duration> retryAfter = RetryAfter.parse(headers, clock);
    if (status == 429 && isQuota(d)) {
      return new HttpFailure(new QuotaExceededException(message, d.type, d.code, requestId), false, Optional.empty());
    }
    ModelApiException exception = status == 429
        ? new RateLimitedException(message, d.type, d.code, retryAfter, requestId)
        : new ModelApiException(message, status, d.type, d.code, d.param, requestId);
    return new HttpFailure(exception, retryable(status, headers), retryAfter);
  }

  static boolean retryable(int status, Headers headers) {
    String should = headers.get("x-should-retry");
    if ("true".equalsIgnoreCase(should)) {
      return true;
    }
    if ("false".equalsIgnoreCase(should)) {
      return false;
    }
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  private static boolean isQuota(Detail d) {
    return d.type.filter(QUOTA_CODES::contains).isPresent() || d.code.filter(QUOTA_CODES::contains).isPresent();
  }

  private record Detail(String message, Optional<String> type, Optional<String> code, Optional<String> param) {}

  private static Detail detail(byte[] body) {
    JsonNode root = readJson(body);
    if (root != null && root.isObject()) {
      Optional<JsonNode> error = obj(root, "error");
      if (error.isPresent()) {
        JsonNode e = error.get();
        return new Detail(text(e, "message").orElse("(no message)"), nonEmpty(e, "type"), nonEmpty(e, "code"),
            nonEmpty(e, "param"));
      }
      Optional<String> flat = nonEmpty(root, "error").or(() -> nonEmpty(root, "message"))
          .or(() -> nonEmpty(root, "detail")).or(() -> nonEmpty(root, "title"));
      if (flat.isPresent()) {
        return new Detail(flat.get(), nonEmpty(root, "type"), nonEmpty(root, "code"), Optional.empty());
      }
    }
    return new Detail(excerpt(body), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static @Nullable JsonNode readJson(byte[] body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException | IllegalArgumentException e) {
      return null; // not JSON: shown as an excerpt
    }
  }

  static String excerpt(byte[] body) {
    if (body.length == 0) {
      return "(empty body)";
    }
    int n = Math.min(body.length, EXCERPT_BYTES);
    String text = new String(body, 0, n, StandardCharsets.UTF_8).strip();
    return "body: " + text + (body.length > n ? " ...(" + body.length + " bytes)" : "");
  }

  private static String describe(int status, String where, Detail d, Optional<String> requestId) {
    StringBuilder sb = new StringBuilder("HTTP ").append(status).append(" from ").append(where).append(": ")
        .append(d.message);
    d.type.ifPresent(t -> sb.append(" [type ").append(t).append(']'));
    d.code.ifPresent(c -> sb.append(" [code ").append(c).append(']'));
    d.param.ifPresent(p -> sb.append(" [param ").append(p).append(']'));
    requestId.ifPresent(r -> sb.append(" [request id ").append(r).append(']'));
    hint(status).ifPresent(h -> sb.append(". ").append(h));
    return sb.toString();
  }

  private static Optional<String> hint(int status) {
    switch (status) {
      case 401:
        return Optional.of("Check the API key given to OpenAiClient.builder().apiKey(...)");
      case 403:
        return Optional.of("The key lacks access to this model or endpoint: check the project's permissions");
      case 404:
        return Optional.of("Check the baseUrl, the endpoint (CHAT_COMPLETIONS or RESPONSES) and the model name");
      default:
        return Optional.empty();
    }
  }
}
