package dev.conduit.agent.bench;

import java.util.List;

/** One way to play {@link Fixture}'s conversation: Conduit, or the raw baseline. */
interface BenchClient {
  /** The label in the report, e.g. {@code conduit} or {@code raw}. */
  String name();

  /** One whole run: question, three tool calls, final answer. Returns the final answer. */
  String run() throws Exception;

  /** Streaming clients: nanoseconds from the final turn's first response byte to its first text event, per run. */
  default List<Long> firstTextNanos() {
    return List.of();
  }
}
