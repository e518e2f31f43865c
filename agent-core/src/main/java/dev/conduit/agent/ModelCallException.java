package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.model.ModelException;
import java.util.List;

/**
 * A model call failed in the middle of a run. {@link #getCause()} is the typed {@link ModelException}
 * (status, error code, request id); {@link #messages()} keeps every tool result already produced.
 */
public final class ModelCallException extends AgentException {
  private static final long serialVersionUID = 1L;

  ModelCallException(int turn, ModelException cause, List<Message> messages, Usage usage) {
    super("Model call failed on turn " + turn + ": " + cause.getMessage(), messages, usage, cause);
  }

  @Override
  public synchronized ModelException getCause() {
    return (ModelException) super.getCause();
  }
}
