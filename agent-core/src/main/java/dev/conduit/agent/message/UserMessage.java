package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** What the user said: text and images. */
public record UserMessage(List<ContentPart> content) implements Message {
  public UserMessage {
    content = List.copyOf(requireNonNull(content, "content"));
    if (content.isEmpty()) {
      throw new IllegalArgumentException("a user message needs at least one content part");
    }
  }

  public static UserMessage of(String text) {
    return new UserMessage(List.of(new TextPart(requireNonNull(text, "text"))));
  }

  public static UserMessage of(ContentPart... parts) {
    return new UserMessage(List.of(parts));
  }

  /** The text parts joined by newlines; images are left out. */
  public String text() {
    return content.stream()
        .filter(TextPart.class::isInstance)
        .map(p -> ((TextPart) p).text())
        .collect(Collectors.joining("\n"));
  }
}
