package dev.conduit.agent.model;

import java.util.Optional;

/** A body, SSE event or stream exceeded the client's size caps. */
public final class ResponseTooLargeException extends ModelResponseException {
  private static final long serialVersionUID = 1L;

  public ResponseTooLargeException(String message, Optional<String> requestId) {
    super(message, requestId, null);
  }
}
