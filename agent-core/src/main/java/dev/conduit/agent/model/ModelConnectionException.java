package dev.conduit.agent.model;

import java.util.Optional;

/** No answer could be had: connection refused or reset, DNS or TLS failure, on every attempt. */
public final class ModelConnectionException extends ModelException {
  private static final long serialVersionUID = 1L;
  private final int attempts;

  public ModelConnectionException(String message, int attempts, Throwable cause) {
    super(message, Optional.empty(), cause);
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
  }
}
