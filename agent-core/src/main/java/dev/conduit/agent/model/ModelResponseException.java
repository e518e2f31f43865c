package dev.conduit.agent.model;

import java.util.Optional;

/** A success status with a body that cannot be read as an answer: malformed JSON, missing fields. */
public class ModelResponseException extends ModelException {
  private static final long serialVersionUID = 1L;

  public ModelResponseException(String message, Optional<String> requestId, Throwable cause) {
    super(message, requestId, cause);
  }
}
