package dev.conduit.agent;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.Usage;
import java.time.Duration;
import java.util.Optional;

/**
 * Something that happened during a run, delivered to {@link AgentListener}s in order.
 *
 * <p>Deltas ({@link TextDelta}, {@link ReasoningDelta}, {@link ToolCallDelta}) come only from
 * {@code runStreaming}; all other events come from every kind of run.
 *
 * <pre>{@code
 * agent.runStreaming("Weather in Oslo?", event -> {
 *   if (event instanceof AgentEvent.TextDelta d) System.out.print(d.text());
 *   if (event instanceof AgentEvent.ToolCallFinished f) log.info("{} took {}", f.call().name(), f.duration());
 * });
 * }</pre>
 */
public sealed interface AgentEvent {
  /** The turn the event belongs to, from 1; the run's last turn for {@link RunCompleted}. */
  int turn();

  /** A model call is about to be made. */
  record TurnStarted(int turn) implements AgentEvent {}

  /** A piece of the model's visible answer. */
  record TextDelta(int turn, String text) implements AgentEvent {
    public TextDelta {
      requireNonNull(text, "text");
    }
  }

  /** A piece of the model's reasoning ({@code reasoning_content} or a reasoning summary). */
  record ReasoningDelta(int turn, String text) implements AgentEvent {
    public ReasoningDelta {
      requireNonNull(text, "text");
    }
  }

  /**
   * A piece of a tool call being streamed: the first piece of each call has its id and name, later
   * pieces only argument text.
   */
  record ToolCallDelta(int turn, int index, Optional<String> id, Optional<String> name, String argumentsDelta)
      implements AgentEvent {
    public ToolCallDelta {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      requireNonNull(argumentsDelta, "argumentsDelta");
    }
  }

  /** The model's answer of this turn is complete. */
  record TurnCompleted(int turn, AssistantMessage message, Usage usage) implements AgentEvent {
    public TurnCompleted {
      requireNonNull(message, "message");
      requireNonNull(usage, "usage");
    }
  }

  /** A tool call is about to run. */
  record ToolCallStarted(int turn, ToolCall call) implements AgentEvent {
    public ToolCallStarted {
      requireNonNull(call, "call");
    }
  }

  /** A tool call returned normally. */
  record ToolCallFinished(int turn, ToolCall call, ToolResult result, Duration duration) implements AgentEvent {
    public ToolCallFinished {
      requireNonNull(call, "call");
      requireNonNull(result, "result");
      requireNonNull(duration, "duration");
    }
  }

  /**
   * A tool call failed: unknown tool, bad arguments, an exception, or a timeout. {@code result} is
   * the error text the model receives; {@code error} the exception behind it, when there was one.
   */
  record ToolCallFailed(int turn, ToolCall call, ToolResult result, Optional<Throwable> error, Duration duration)
      implements AgentEvent {
    public ToolCallFailed {
      requireNonNull(call, "call");
      requireNonNull(result, "result");
      requireNonNull(error, "error");
      requireNonNull(duration, "duration");
    }
  }

  /** The run produced its result. */
  record RunCompleted(int turn, RunResult result) implements AgentEvent {
    public RunCompleted {
      requireNonNull(result, "result");
    }
  }
}
