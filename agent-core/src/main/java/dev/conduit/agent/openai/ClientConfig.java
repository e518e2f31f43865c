package dev.conduit.agent.openai;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/** The checked settings of one {@link OpenAiClient}. Its {@code toString} leaves the key out. */
record ClientConfig(
    ApiKey apiKey,
    HttpUrl baseUrl,
    Optional<HttpUrl> fallbackBaseUrl,
    Endpoint endpoint,
    Duration connectTimeout,
    Duration attemptTimeout,
    Duration streamIdleTimeout,
    int maxRetries,
    Duration maxRetryAfter,
    Map<String, String> headers,
    long maxResponseBytes,
    long maxEventBytes,
    Optional<String> idempotencyHeader) {

  @Override
  public String toString() {
    return "endpoint=" + endpoint + ", baseUrl=" + baseUrl
        + fallbackBaseUrl.map(f -> ", fallbackBaseUrl=" + f).orElse("")
        + ", maxRetries=" + maxRetries + ", connectTimeout=" + connectTimeout + ", attemptTimeout=" + attemptTimeout
        + ", streamIdleTimeout=" + streamIdleTimeout + ", headers=" + headers.keySet()
        + idempotencyHeader.map(h -> ", idempotencyHeader=" + h).orElse("");
  }
}
