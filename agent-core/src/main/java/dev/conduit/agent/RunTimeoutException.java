package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.time.Duration;
import java.util.List;

/** The run passed the agent's {@code runTimeout}; it was stopped as if cancelled. */
public final class RunTimeoutException extends RunCancelledException {
  private static final long serialVersionUID = 1L;

  RunTimeoutException(Duration timeout, List<Message> messages, Usage usage) {
    super("The run took longer than its timeout of " + timeout.toMillis() + " ms and was stopped. "
        + "Raise Agent.builder().runTimeout(...) if the work needs more time.", messages, usage);
  }
}
