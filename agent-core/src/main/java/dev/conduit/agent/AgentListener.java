package dev.conduit.agent;

/**
 * Observes runs: streaming output, tool calls, turns, usage.
 *
 * <p>Contract, as for OkHttp's {@code EventListener}: be fast, do not throw, do not call back into the
 * agent. Events of one run arrive one at a time and in order, possibly from different threads (tool
 * events come from tool threads); a listener shared by concurrent runs must be thread-safe. An
 * exception thrown by a listener is logged and otherwise ignored.
 *
 * <pre>{@code
 * Agent agent = Agent.builder()...
 *     .listener(event -> { if (event instanceof AgentEvent.ToolCallFailed f) metrics.toolFailed(f.call().name()); })
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface AgentListener {
  void onEvent(AgentEvent event);
}
