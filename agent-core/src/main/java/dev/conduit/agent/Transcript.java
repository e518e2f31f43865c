package dev.conduit.agent;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.SystemMessage;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.model.ModelResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The growing conversation of one run, with its token counts. Confined to the run's thread. */
final class Transcript {
  private final List<Message> messages = new ArrayList<>();
  private final List<Usage> turnUsages = new ArrayList<>();
  private final Set<String> toolCallIds = new HashSet<>();
  private Usage usage = Usage.ZERO;
  private Optional<String> lastResponseId = Optional.empty();

  private Transcript() {}

  /** The input, preceded by the instructions unless the input already starts with a system message. */
  static Transcript start(Optional<String> instructions, List<Message> input) {
    Transcript transcript = new Transcript();
    boolean hasSystem = !input.isEmpty() && input.get(0) instanceof SystemMessage;
    if (instructions.isPresent() && !hasSystem) {
      transcript.messages.add(new SystemMessage(instructions.get()));
    }
    for (Message m : input) {
      transcript.messages.add(m);
      if (m instanceof AssistantMessage a) {
        a.toolCalls().forEach(c -> transcript.toolCallIds.add(c.id()));
      }
    }
    return transcript;
  }

  void append(ModelResponse response) {
    messages.add(response.message());
    turnUsages.add(response.usage());
    usage = usage.plus(response.usage());
    if (response.responseId().isPresent()) {
      lastResponseId = response.responseId();
    }
  }

  void appendAll(List<ToolResult> results) {
    // One add each: addAll would copy the results into an array first, every turn.
    for (ToolResult result : results) {
      messages.add(result);
    }
  }

  /** Remembers the ids of a turn's calls; false if one was already used in this conversation. */
  boolean registerCallIds(List<ToolCall> calls) {
    boolean fresh = true;
    for (ToolCall call : calls) {
      fresh &= toolCallIds.add(call.id());
    }
    return fresh;
  }

  List<Message> snapshot() {
    return List.copyOf(messages);
  }

  Usage usage() {
    return usage;
  }

  List<Usage> turnUsages() {
    return List.copyOf(turnUsages);
  }

  Optional<String> lastResponseId() {
    return lastResponseId;
  }
}
