package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/** The model hit its output token limit before producing any answer. */
public final class OutputTruncatedException extends ModelBehaviorException {
  private static final long serialVersionUID = 1L;

  OutputTruncatedException(List<Message> messages, Usage usage) {
    super("The model hit its output token limit before answering. "
        + "Raise ModelSettings.maxOutputTokens, or lower the reasoning effort.", messages, usage);
  }
}
