package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/**
 * A run ended without an answer. Every subclass carries the conversation up to the failure,
 * tool results included, so nothing the run did is lost: inspect it, or pass it to a new run to
 * resume without running the tools again.
 */
public abstract class AgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Message> messages;
  private final transient Usage usage;

  protected AgentException(String message, List<Message> messages, Usage usage, Throwable cause) {
    super(message, cause);
    this.messages = List.copyOf(messages);
    this.usage = usage;
  }

  /** The conversation so far, input included. */
  public List<Message> messages() {
    return messages;
  }

  /** Tokens used before the failure. */
  public Usage usage() {
    return usage;
  }
}
