package dev.conduit.agent.model;

import java.util.Optional;

/** A connect, per-attempt or stream-idle timeout ran out on every attempt; the message names which. */
public final class ModelTimeoutException extends ModelException {
  private static final long serialVersionUID = 1L;

  public ModelTimeoutException(String message, Throwable cause) {
    super(message, Optional.empty(), cause);
  }
}
