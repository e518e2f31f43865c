package dev.conduit.agent;

import dev.conduit.agent.internal.Watchdog;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.tool.Toolbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs all tool calls of one turn and returns their results in call order. Every call gets exactly
 * one result: a failure, a timeout or a cancellation becomes an error result, never a gap.
 *
 * <p>Lazy fan-out: the run's own thread runs the calls one after the other, so instant tools cost
 * no thread hand-off (CONVENTIONS rule 9). When the turn's calls on that thread have taken longer
 * than a short grace, the watchdog's sweep hands every call not yet taken to the executor at once,
 * and the run's thread goes on taking calls too: slow tools still all run in parallel.
 */
final class ToolDispatcher {
  /** How long a turn's calls may keep the run's thread busy before the rest go to the executor. */
  static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Toolbox toolbox;
  private final Executor executor;
  private final Duration timeout;
  private final Semaphore permits;
  private final long graceNanos;

  ToolDispatcher(Toolbox toolbox, Executor executor, Duration timeout, int concurrency) {
    this(toolbox, executor, timeout, concurrency, GRACE_NANOS);
  }

  ToolDispatcher(Toolbox toolbox, Executor executor, Duration timeout, int concurrency, long graceNanos) {
    this.toolbox = toolbox;
    this.executor = executor;
    this.timeout = timeout;
    this.permits = new Semaphore(concurrency, true);
    this.graceNanos = graceNanos;
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
    List<ToolResult> results = new ArrayList<>(calls.size());
    try {
      runOnThisThread(tasks);
      // Every call is taken now; those on the executor are awaited within their timeouts.
      for (ToolTask task : tasks) {
        results.add(task.await());
      }
      return results;
    } catch (InterruptedException e) {
      tasks.forEach(t -> t.cancel(true)); // the ones nobody took yet will never start
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

  /** Takes and runs the calls in order until none is left; the watchdog fans out the rest meanwhile. */
  private void runOnThisThread(List<ToolTask> tasks) throws InterruptedException, ExecutionException {
    Turn turn = new Turn(tasks, executor, System.nanoTime() + graceNanos);
    tasks.get(0).claim(); // before the watchdog sees the turn, so the first call is always this thread's
    Watchdog.register(turn);
    try {
      for (int i = 0; i < tasks.size(); i++) {
        ToolTask task = tasks.get(i);
        if (i > 0 && !task.claim()) {
          continue; // an executor thread has it
        }
        turn.inline = task;
        task.runInline();
        turn.inline = null;
        Optional<Throwable> fatal = task.fatal();
        if (fatal.isPresent() && fatal.get() instanceof Error) {
          throw new ExecutionException(fatal.get());
        }
        if (fatal.isPresent() || Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      turn.over = true;
    }
  }

  /**
   * The watchdog's view of a turn while the run's thread takes its calls: it times out the call
   * running there and, once the grace has passed, fans the calls not yet taken out to the executor.
   */
  private static final class Turn implements Watchdog.Sweep {
    private final List<ToolTask> tasks;
    private final Executor executor;
    private final long fanOutAtNanos;
    volatile ToolTask inline;
    volatile boolean over;
    private boolean fannedOut; // watchdog thread only

    Turn(List<ToolTask> tasks, Executor executor, long fanOutAtNanos) {
      this.tasks = tasks;
      this.executor = executor;
      this.fanOutAtNanos = fanOutAtNanos;
    }

    @Override
    public boolean sweep(long nowNanos) {
      if (over) {
        return false;
      }
      ToolTask current = inline;
      if (current != null) {
        current.expireIfLate(nowNanos);
      }
      // Until the fan-out only the run's thread takes calls, in order: the last one tells whether any is left.
      if (!fannedOut && nowNanos - fanOutAtNanos >= 0 && !tasks.get(tasks.size() - 1).claimed()) {
        fannedOut = true;
        try {
          // Never on the watchdog: a direct executor (Runnable::run) would run the tools here.
          Threads.fanOut().execute(this::fanOut);
        } catch (RejectedExecutionException e) {
          // No thread for the hand-off: the run's thread still takes every call itself.
        }
      }
      return true;
    }

    private void fanOut() {
      for (ToolTask task : tasks) {
        if (over) {
          return;
        }
        if (task.claimed()) {
          continue;
        }
        try {
          executor.execute(task::runIfUnclaimed);
        } catch (RejectedExecutionException e) {
          if (task.claim()) {
            task.rejected(e);
          }
        }
      }
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
