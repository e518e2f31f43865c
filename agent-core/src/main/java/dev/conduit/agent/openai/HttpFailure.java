package dev.conduit.agent.openai;

import dev.conduit.agent.model.ModelApiException;
import java.time.Duration;
import java.util.Optional;

/**
 * One attempt got an error status. Carries the typed exception to throw if this is the last
 * attempt, and what the retry loop needs to decide: whether to retry, how long the server asked to
 * wait.
 */
final class HttpFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient ModelApiException exception;
  private final boolean retryable;
  private final transient Optional<Duration> retryAfter;

  HttpFailure(ModelApiException exception, boolean retryable, Optional<Duration> retryAfter) {
    super(exception.getMessage(), null, false, false);
    this.exception = exception;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  ModelApiException exception() {
    return exception;
  }

  boolean retryable() {
    return retryable;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
