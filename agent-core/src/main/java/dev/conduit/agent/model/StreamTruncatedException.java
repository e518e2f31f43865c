package dev.conduit.agent.model;

import dev.conduit.agent.message.AssistantMessage;
import java.util.Optional;

/**
 * The stream ended cleanly but before its end marker: no {@code [DONE]} or finish reason on Chat
 * Completions, no {@code response.completed} on Responses.
 */
public final class StreamTruncatedException extends StreamFailedException {
  private static final long serialVersionUID = 1L;

  public StreamTruncatedException(String message, AssistantMessage partial, Optional<String> requestId) {
    super(message, partial, requestId, null);
  }
}
