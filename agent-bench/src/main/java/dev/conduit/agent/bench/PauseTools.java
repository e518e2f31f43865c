package dev.conduit.agent.bench;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;

/**
 * A tool that takes 200 ms, for the parallel-dispatch scenario: N calls in one turn should take
 * 200 ms in all, not N times that.
 *
 * <pre>{@code
 * Agent.builder().client(scripted).model("bench-model").tools(new PauseTools()).build();
 * }</pre>
 */
public final class PauseTools {
  static final long MILLIS = 200;

  @Tool(name = "pause", value = "Waits 200 ms, like a slow backend, and returns its argument")
  public String pause(@Param("Any text") String id) throws InterruptedException {
    Thread.sleep(MILLIS);
    return id;
  }
}
