package dev.conduit.agent.model;

/**
 * Receives a streamed answer piece by piece. Methods are called on the client's thread, in order,
 * and must be fast and must not throw.
 */
public interface ModelStreamListener {
  ModelStreamListener NONE = new ModelStreamListener() {};

  default void onTextDelta(String delta) {}

  default void onReasoningDelta(String delta) {}

  /** A new tool call began; {@code index} is its position in the turn's list of calls. */
  default void onToolCallStarted(int index, String id, String name) {}

  default void onToolCallArgumentsDelta(int index, String delta) {}
}
