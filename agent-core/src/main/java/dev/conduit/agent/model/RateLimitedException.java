package dev.conduit.agent.model;

import java.time.Duration;
import java.util.Optional;

/** 429 rate limit still failing after retries, or asking to wait longer than the client's cap. */
public final class RateLimitedException extends ModelApiException {
  private static final long serialVersionUID = 1L;
  private final Optional<Duration> retryAfter;

  public RateLimitedException(
      String message,
      Optional<String> errorType,
      Optional<String> code,
      Optional<Duration> retryAfter,
      Optional<String> requestId) {
    super(message, 429, errorType, code, Optional.empty(), requestId);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
