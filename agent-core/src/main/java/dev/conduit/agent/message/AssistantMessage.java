package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the model answered in one turn: text, tool calls, reasoning, or a refusal.
 *
 * @param text the visible answer; empty when the model only called tools
 * @param toolCalls the calls to run, in the order the model gave them
 * @param reasoning reasoning items, kept so they can be shown and replayed
 * @param refusal the model's refusal text, if it refused
 */
public record AssistantMessage(String text, List<ToolCall> toolCalls, List<Reasoning> reasoning, Optional<String> refusal)
    implements Message {
  public AssistantMessage {
    requireNonNull(text, "text");
    toolCalls = List.copyOf(requireNonNull(toolCalls, "toolCalls"));
    reasoning = List.copyOf(requireNonNull(reasoning, "reasoning"));
    requireNonNull(refusal, "refusal");
  }

  public static AssistantMessage ofText(String text) {
    return new AssistantMessage(text, List.of(), List.of(), Optional.empty());
  }

  public static AssistantMessage ofToolCalls(List<ToolCall> toolCalls) {
    return new AssistantMessage("", toolCalls, List.of(), Optional.empty());
  }

  public boolean hasToolCalls() {
    return !toolCalls.isEmpty();
  }
}
