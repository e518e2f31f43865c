package dev.conduit.agent;

import dev.conduit.agent.message.ToolCall;
import java.util.List;

/** What the loop does after a model turn, as decided by {@link TurnJudge}. */
sealed interface TurnOutcome {
  /** The run ends with this answer. */
  record FinalAnswer(String text, boolean truncated) implements TurnOutcome {}

  /** Run these calls and go on. */
  record RunTools(List<ToolCall> calls) implements TurnOutcome {}

  /** The calls were cut off by the token limit: answer each with this error, run none. */
  record RejectTools(List<ToolCall> calls, String reason) implements TurnOutcome {}
}
