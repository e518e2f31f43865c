package dev.conduit.agent.model;

import dev.conduit.agent.message.AssistantMessage;
import java.util.Optional;

/** The connection failed in the middle of a stream. */
public final class StreamInterruptedException extends StreamFailedException {
  private static final long serialVersionUID = 1L;

  public StreamInterruptedException(String message, AssistantMessage partial, Optional<String> requestId, Throwable cause) {
    super(message, partial, requestId, cause);
  }
}
