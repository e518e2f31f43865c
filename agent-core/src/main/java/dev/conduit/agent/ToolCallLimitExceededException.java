package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/** The model asked for more tool calls in one run than the agent allows, in total or for one tool. */
public final class ToolCallLimitExceededException extends AgentException {
  private static final long serialVersionUID = 1L;

  ToolCallLimitExceededException(String message, List<Message> messages, Usage usage) {
    super(message, messages, usage, null);
  }
}
