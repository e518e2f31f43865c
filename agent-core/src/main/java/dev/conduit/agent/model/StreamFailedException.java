package dev.conduit.agent.model;

import dev.conduit.agent.message.AssistantMessage;
import java.util.Optional;

/**
 * A stream broke after output had been delivered. It is not retried, because the caller already saw
 * part of the answer; {@link #partial()} holds all text and every complete tool call received.
 */
public abstract class StreamFailedException extends ModelException {
  private static final long serialVersionUID = 1L;
  private final transient AssistantMessage partial;

  protected StreamFailedException(String message, AssistantMessage partial, Optional<String> requestId, Throwable cause) {
    super(message, requestId, cause);
    this.partial = partial;
  }

  public AssistantMessage partial() {
    return partial;
  }
}
