package dev.conduit.agent;

import dev.conduit.agent.internal.Watchdog;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.tool.ToolExecution;
import dev.conduit.agent.tool.Toolbox;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tool call with its own timeout, run on an executor thread ({@link #run()}, the run's thread
 * enforcing the timeout in {@link #await()}) or on the run's own thread ({@link #runInline()}, a
 * watchdog enforcing it).
 */
final class ToolTask extends FutureTask<ToolExecution> {
  private static final Logger log = LoggerFactory.getLogger(ToolTask.class);
  // How often a waiting run looks again at a call that has not started yet (it waits for a permit).
  private static final long NOT_STARTED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final int turn;
  private final ToolCall call;
  private final Duration timeout;
  private final EventSink sink;
  private final Semaphore permits;
  private volatile boolean started;
  private volatile boolean timedOut;
  private volatile long startNanos;
  private volatile Optional<Throwable> rejection = Optional.empty();

  ToolTask(int turn, ToolCall call, Toolbox toolbox, Duration timeout, Semaphore permits, EventSink sink) {
    super(() -> toolbox.execute(call));
    this.turn = turn;
    this.call = call;
    this.timeout = timeout;
    this.sink = sink;
    this.permits = permits;
  }

  ToolCall call() {
    return call;
  }

  @Override
  public void run() {
    if (isDone()) {
      return;
    }
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      cancel(false);
      Thread.currentThread().interrupt();
      return;
    }
    try {
      if (isDone()) {
        return;
      }
      // The timeout starts once the tool may run, not while it waits for a thread or a permit.
      startNanos = System.nanoTime();
      started = true;
      sink.emit(new AgentEvent.ToolCallStarted(turn, call));
      super.run();
    } finally {
      permits.release();
    }
  }

  /** Runs the call on this thread; a watchdog interrupts it when the timeout passes. */
  void runInline() {
    ScheduledFuture<?> alarm = Watchdog.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      run();
    } finally {
      alarm.cancel(false);
      if (timedOut && isCancelled()) {
        Thread.interrupted(); // the watchdog's interrupt, not the caller's
      }
    }
  }

  boolean timedOut() {
    return timedOut;
  }

  private void expire() {
    timedOut = true;
    cancel(true);
  }

  void rejected(Throwable e) {
    rejection = Optional.of(e);
    cancel(false);
  }

  /** Waits for the result within the call's timeout; a failure, timeout or rejection becomes an error result. */
  ToolResult await() throws InterruptedException, ExecutionException {
    try {
      ToolExecution execution = getWithinTimeout();
      report(execution.result(), execution.failure());
      return execution.result();
    } catch (CancellationException e) {
      ToolResult result = timedOut ? timeoutResult() : cancelledResult();
      report(result, Optional.of(timedOut ? new TimeoutException(result.content()) : rejection.orElse(e)));
      return result;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error) {
        throw e;
      }
      if (e.getCause() instanceof InterruptedException) {
        // An interrupt is never a tool result (RELIABILITY.md b29): the run stops, as if cancelled.
        throw new InterruptedException("tool '" + call.name() + "' was interrupted");
      }
      ToolResult result = ToolResult.error(call, "Error: tool '" + call.name() + "' failed ("
          + e.getCause().getClass().getSimpleName() + ").");
      report(result, Optional.of(e.getCause()));
      return result;
    }
  }

  private ToolExecution getWithinTimeout() throws InterruptedException, ExecutionException {
    while (true) {
      long wait = started ? startNanos + timeout.toNanos() - System.nanoTime() : NOT_STARTED_POLL_NANOS;
      if (started && wait <= 0 && !isDone()) {
        expire();
        return get(); // cancelled unless it finished just now
      }
      try {
        return get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // look again: not started yet, or its time is up
      }
    }
  }

  Optional<ToolResult> resultIfDone() {
    if (!isDone() || isCancelled()) {
      return Optional.empty();
    }
    try {
      return Optional.of(get().result());
    } catch (InterruptedException | ExecutionException e) {
      return Optional.empty();
    }
  }

  ToolResult cancelledResult() {
    return ToolResult.error(call, "Error: tool '" + call.name() + "' was cancelled.");
  }

  private ToolResult timeoutResult() {
    return ToolResult.error(call, "Tool '" + call.name() + "' timed out after " + describe(timeout) + ".");
  }

  private void report(ToolResult result, Optional<Throwable> failure) {
    Duration duration = started ? Duration.ofNanos(System.nanoTime() - startNanos) : Duration.ZERO;
    if (result.isError()) {
      failure.ifPresent(f -> log.debug("tool call {} ({}) failed", call.id(), call.name(), f));
      sink.emit(new AgentEvent.ToolCallFailed(turn, call, result, failure, duration));
    } else {
      sink.emit(new AgentEvent.ToolCallFinished(turn, call, result, duration));
    }
  }

  static String describe(Duration d) {
    if (d.toMillis() % 1000 == 0) {
      long s = d.toSeconds();
      return s + (s == 1 ? " second" : " seconds");
    }
    return d.toMillis() + " ms";
  }
}
