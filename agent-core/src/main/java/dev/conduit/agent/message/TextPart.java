package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

/** Plain text inside a user message. */
public record TextPart(String text) implements ContentPart {
  public TextPart {
    requireNonNull(text, "text");
  }
}
