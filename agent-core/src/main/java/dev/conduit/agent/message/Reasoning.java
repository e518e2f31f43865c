package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a reasoning model said about its thinking.
 *
 * <p>On Chat Completions, "thinking" models return it as the non-standard {@code reasoning_content}
 * field ({@link #text()}). On Responses it is a {@code reasoning} output item with summary texts,
 * and an id and encrypted content that are replayed on the next turn of a stateless run.
 *
 * @param id the Responses reasoning item id, if any
 * @param text the reasoning text ({@code reasoning_content}), empty if none
 * @param summary the Responses reasoning summary texts
 * @param encryptedContent the opaque encrypted reasoning to replay, if the provider returned it
 */
public record Reasoning(Optional<String> id, String text, List<String> summary, Optional<String> encryptedContent) {
  public Reasoning {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    summary = List.copyOf(requireNonNull(summary, "summary"));
    requireNonNull(encryptedContent, "encryptedContent");
  }

  public static Reasoning ofText(String text) {
    return new Reasoning(Optional.empty(), text, List.of(), Optional.empty());
  }

  /** The text, or the summaries joined by blank lines when there is no text. */
  public String displayText() {
    return !text.isEmpty() ? text : String.join("\n\n", summary);
  }
}
