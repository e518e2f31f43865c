package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

/** Instructions for the model: a {@code system} message on Chat Completions, {@code instructions} on Responses. */
public record SystemMessage(String text) implements Message {
  public SystemMessage {
    requireNonNull(text, "text");
  }
}
