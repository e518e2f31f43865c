package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/** The model was still calling tools when the agent's {@code maxTurns} ran out. */
public final class MaxTurnsExceededException extends AgentException {
  private static final long serialVersionUID = 1L;
  private final int maxTurns;

  MaxTurnsExceededException(int maxTurns, List<Message> messages, Usage usage) {
    super("Max turns (" + maxTurns + ") exceeded: the model kept calling tools. "
        + "Raise Agent.builder().maxTurns(...) or make the instructions more decisive.", messages, usage, null);
    this.maxTurns = maxTurns;
  }

  public int maxTurns() {
    return maxTurns;
  }
}
