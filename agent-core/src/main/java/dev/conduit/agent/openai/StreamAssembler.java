package dev.conduit.agent.openai;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.model.ModelResponse;
import java.util.Optional;

/**
 * Builds one answer from the events of a stream, reporting deltas to the listener as they come.
 * Runs on the caller's thread, one event at a time.
 */
interface StreamAssembler {
  /** One SSE event. Throws {@code ModelApiException} for an error event, {@link MalformedResponse} for bad JSON. */
  void accept(String eventType, String data);

  /** The end marker arrived ({@code [DONE]}, {@code response.completed}): nothing more is needed. */
  boolean terminal();

  /** Enough arrived for a whole answer (Chat: a finish reason without {@code [DONE]} also counts). */
  boolean complete();

  /** Something was passed to the listener: from now on the call must not be retried. */
  boolean delivered();

  ModelResponse result(Optional<String> requestId);

  /** All text, reasoning and every complete tool call received so far. */
  AssistantMessage partial();
}
