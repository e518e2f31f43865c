package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/**
 * The run was cancelled or its thread interrupted: the model call in flight was cancelled and the
 * running tools interrupted. The thread's interrupt flag is set again when the cause was an interrupt.
 */
public class RunCancelledException extends AgentException {
  private static final long serialVersionUID = 1L;

  RunCancelledException(String message, List<Message> messages, Usage usage) {
    super(message, messages, usage, null);
  }
}
