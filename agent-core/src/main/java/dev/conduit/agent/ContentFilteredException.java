package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/** The provider's content filter stopped the model's answer. */
public final class ContentFilteredException extends ModelBehaviorException {
  private static final long serialVersionUID = 1L;

  ContentFilteredException(List<Message> messages, Usage usage) {
    super("The provider's content filter stopped the answer.", messages, usage);
  }
}
