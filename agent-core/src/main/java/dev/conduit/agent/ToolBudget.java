package dev.conduit.agent;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The limits that stop a model from looping: tool calls per run and per tool, and turns in a row
 * whose tool calls all failed (RELIABILITY.md b17, b26). One per run.
 */
final class ToolBudget {
  private final int maxPerTool;
  private final int maxTotal;
  private final int maxFailedTurns;
  private final Map<String, Integer> perTool = new HashMap<>();
  private int total;
  private int failedTurnsInARow;

  ToolBudget(int maxPerTool, int maxTotal, int maxFailedTurns) {
    this.maxPerTool = maxPerTool;
    this.maxTotal = maxTotal;
    this.maxFailedTurns = maxFailedTurns;
  }

  /** Counts the calls; the reason the run must stop when a limit is passed. */
  Optional<String> admit(List<ToolCall> calls) {
    total += calls.size();
    if (total > maxTotal) {
      return Optional.of("The model asked for " + total + " tool calls in this run; the limit is " + maxTotal
          + ". Raise it with Agent.builder().toolCallLimits(...) if that is expected.");
    }
    for (ToolCall call : calls) {
      int n = perTool.merge(call.name(), 1, Integer::sum);
      if (n > maxPerTool) {
        return Optional.of("The model called '" + call.name() + "' " + n + " times in this run; the limit per tool is "
            + maxPerTool + ". Raise it with Agent.builder().toolCallLimits(...) if that is expected.");
      }
    }
    return Optional.empty();
  }

  /** Records a turn's results; the reason the run must stop when too many turns failed in a row. */
  Optional<String> recordResults(List<ToolResult> results) {
    boolean allFailed = !results.isEmpty();
    for (ToolResult result : results) {
      allFailed &= result.isError();
    }
    failedTurnsInARow = allFailed ? failedTurnsInARow + 1 : 0;
    if (failedTurnsInARow >= maxFailedTurns) {
      return Optional.of("The model's tool calls all failed " + failedTurnsInARow + " turns in a row; last error: "
          + results.get(results.size() - 1).content());
    }
    return Optional.empty();
  }
}
