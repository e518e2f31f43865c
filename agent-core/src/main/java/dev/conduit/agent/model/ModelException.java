package dev.conduit.agent.model;

import java.util.Optional;

/**
 * A model call failed after the client's retries. Subclasses say how; none carries the API key or
 * request headers.
 */
public abstract class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Optional<String> requestId;

  protected ModelException(String message, Optional<String> requestId, Throwable cause) {
    super(message, cause);
    this.requestId = requestId;
  }

  /** The {@code x-request-id} of the failed attempt, when the server sent one. */
  public Optional<String> requestId() {
    return requestId;
  }
}
