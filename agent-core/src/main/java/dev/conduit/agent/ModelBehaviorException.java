package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/**
 * The model answered in a way the run cannot go on from: tool calls without ids or with duplicate
 * ids, a {@code tool_calls} finish without calls, or too many turns in a row whose tool calls all
 * failed. Subclasses name the specific stops.
 */
public class ModelBehaviorException extends AgentException {
  private static final long serialVersionUID = 1L;

  ModelBehaviorException(String message, List<Message> messages, Usage usage) {
    super(message, messages, usage, null);
  }
}
