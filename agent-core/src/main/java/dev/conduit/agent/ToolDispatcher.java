package dev.conduit.agent;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.tool.Toolbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Runs all tool calls of one turn at once and returns their results in call order. Every call gets
 * exactly one result: a failure, a timeout or a cancellation becomes an error result, never a gap.
 * The last call runs on the run's own thread (so a lone call makes no thread hop, CONVENTIONS rule 9),
 * the others on the executor.
 */
final class ToolDispatcher {
  private final Toolbox toolbox;
  private final Executor executor;
  private final Duration timeout;
  private final Semaphore permits;

  ToolDispatcher(Toolbox toolbox, Executor executor, Duration timeout, int concurrency) {
    this.toolbox = toolbox;
    this.executor = executor;
    this.timeout = timeout;
    this.permits = new Semaphore(concurrency, true);
  }

  /**
   * @throws Interrupted when the run's thread is interrupted: every unfinished call is cancelled,
   *     and the exception carries a result for each call (the cancelled ones as errors)
   */
  List<ToolResult> runAll(int turn, List<ToolCall> calls, EventSink sink) throws Interrupted {
    List<ToolTask> tasks = new ArrayList<>(calls.size());
    for (ToolCall call : calls) {
      tasks.add(new ToolTask(turn, call, toolbox, timeout, permits, sink));
    }
    // All but the last run on the executor; the last runs here, on a thread that would only wait.
    for (ToolTask task : tasks.subList(0, tasks.size() - 1)) {
      try {
        executor.execute(task);
      } catch (RejectedExecutionException e) {
        task.rejected(e);
      }
    }
    ToolTask last = tasks.get(tasks.size() - 1);
    last.runInline();
    List<ToolResult> results = new ArrayList<>(calls.size());
    try {
      if (!last.timedOut() && Thread.interrupted()) {
        throw new InterruptedException();
      }
      for (ToolTask task : tasks) {
        results.add(task.await());
      }
      return results;
    } catch (InterruptedException e) {
      tasks.forEach(t -> t.cancel(true));
      for (ToolTask task : tasks.subList(results.size(), tasks.size())) {
        results.add(task.resultIfDone().orElseGet(task::cancelledResult));
      }
      throw new Interrupted(results);
    } catch (ExecutionException e) {
      // Only java.lang.Error gets here: the JVM is in trouble; stop the other tools and let it out.
      tasks.forEach(t -> t.cancel(true));
      throw (Error) e.getCause();
    }
  }

  /** The run's thread was interrupted while its tools ran. */
  static final class Interrupted extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ToolResult> results;

    Interrupted(List<ToolResult> results) {
      super(null, null, false, false);
      this.results = List.copyOf(results);
    }

    List<ToolResult> results() {
      return results;
    }
  }
}
