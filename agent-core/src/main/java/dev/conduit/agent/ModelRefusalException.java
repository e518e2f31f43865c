package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/** The model refused to answer; {@link #refusal()} is its explanation. */
public final class ModelRefusalException extends ModelBehaviorException {
  private static final long serialVersionUID = 1L;
  private final String refusal;

  ModelRefusalException(String refusal, List<Message> messages, Usage usage) {
    super("The model refused: " + refusal, messages, usage);
    this.refusal = refusal;
  }

  public String refusal() {
    return refusal;
  }
}
