package dev.conduit.agent.model;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.ToolCall;
import java.util.List;

/** Reports a complete response to a stream listener, for clients that cannot stream. */
final class StreamReplay {
  private StreamReplay() {}

  static void replay(ModelResponse response, ModelStreamListener listener) {
    AssistantMessage message = response.message();
    for (Reasoning reasoning : message.reasoning()) {
      if (!reasoning.displayText().isEmpty()) {
        listener.onReasoningDelta(reasoning.displayText());
      }
    }
    if (!message.text().isEmpty()) {
      listener.onTextDelta(message.text());
    }
    List<ToolCall> calls = message.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      listener.onToolCallStarted(i, call.id(), call.name());
      listener.onToolCallArgumentsDelta(i, call.argumentsJson());
    }
  }
}
