package dev.conduit.agent.model;

import java.util.Optional;

/**
 * 429 {@code insufficient_quota} or a billing code: retrying cannot help, so it is never retried.
 */
public final class QuotaExceededException extends ModelApiException {
  private static final long serialVersionUID = 1L;

  public QuotaExceededException(String message, Optional<String> errorType, Optional<String> code, Optional<String> requestId) {
    super(message, 429, errorType, code, Optional.empty(), requestId);
  }
}
