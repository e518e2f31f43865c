package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/**
 * The model ended its turn with no text and no tool calls. To accept an empty answer instead, build
 * the agent with {@code allowEmptyAnswer()}.
 */
public final class EmptyResponseException extends ModelBehaviorException {
  private static final long serialVersionUID = 1L;

  EmptyResponseException(List<Message> messages, Usage usage) {
    super("The model ended its turn with neither text nor tool calls. "
        + "Use Agent.builder().allowEmptyAnswer() if an empty answer is acceptable.", messages, usage);
  }
}
