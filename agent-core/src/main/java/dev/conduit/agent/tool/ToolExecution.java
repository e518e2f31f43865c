package dev.conduit.agent.tool;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.ToolResult;
import java.util.Optional;

/**
 * What running one tool call produced: the result the model will see and, when it failed, the
 * exception behind it, for listeners and logs (the model sees only a sanitised text).
 */
public record ToolExecution(ToolResult result, Optional<Throwable> failure) {
  public ToolExecution {
    requireNonNull(result, "result");
    requireNonNull(failure, "failure");
  }

  public static ToolExecution success(ToolResult result) {
    return new ToolExecution(result, Optional.empty());
  }
}
