package dev.conduit.agent;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.tool.ToolExecution;
import dev.conduit.agent.tool.Toolbox;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tool call with its own timeout. Whoever claims it runs it: the run's own thread
 * ({@link #runInline()}, the watchdog's sweep enforcing the timeout through {@link #expireIfLate})
 * or an executor thread after a fan-out ({@link #runIfUnclaimed()}, the run's thread enforcing the
 * timeout in {@link #await()}). The claim makes sure it runs, and is announced, once.
 */
final class ToolTask extends FutureTask<ToolExecution> {
  private static final Logger log = LoggerFactory.getLogger(ToolTask.class);
  // How often a waiting run looks again at a call that has not started yet (it waits for a permit).
  private static final long NOT_STARTED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final AtomicIntegerFieldUpdater<ToolTask> CLAIMED =
      AtomicIntegerFieldUpdater.newUpdater(ToolTask.class, "claimed");

  private final int turn;
  private final ToolCall call;
  private final Duration timeout;
  private final long timeoutNanos;
  private final EventSink sink;
  private final Semaphore permits;
  private volatile int claimed;
  private volatile boolean started;
  private volatile boolean timedOut;
  private volatile long startNanos;
  private volatile Optional<Throwable> rejection = Optional.empty();
  private volatile Optional<Throwable> fatal = Optional.empty();

  ToolTask(int turn, ToolCall call, Toolbox toolbox, Duration timeout, Semaphore permits, EventSink sink) {
    super(() -> toolbox.execute(call));
    this.turn = turn;
    this.call = call;
    this.timeout = timeout;
    this.timeoutNanos = saturatedNanos(timeout);
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

  /** Takes the call for the calling thread; true exactly once, for whoever runs it. */
  boolean claim() {
    return claimed == 0 && CLAIMED.compareAndSet(this, 0, 1);
  }

  boolean claimed() {
    return claimed != 0;
  }

  /** What an executor runs after a fan-out: the call, unless the run's thread took it first. */
  void runIfUnclaimed() {
    if (claim()) {
      run();
    }
  }

  /**
   * Runs the claimed call on the run's thread; the watchdog's sweep calls {@link #expireIfLate}
   * meanwhile. Its interrupt is cleared here, so only the caller's own interrupt stays set.
   */
  void runInline() {
    try {
      run();
    } finally {
      if (timedOut && isCancelled()) {
        Thread.interrupted(); // the timeout's interrupt, not the caller's
      }
    }
  }

  /** Times the call out if it has run past its timeout: it is cancelled and its thread interrupted. */
  void expireIfLate(long nowNanos) {
    if (started && !isDone() && nowNanos - startNanos - timeoutNanos >= 0) {
      expire();
    }
  }

  private void expire() {
    timedOut = true;
    cancel(true);
  }

  /** The Error or InterruptedException the tool ended with: it stops the run rather than become a result. */
  Optional<Throwable> fatal() {
    return fatal;
  }

  @Override
  protected void setException(Throwable t) {
    super.setException(t);
    // A call that timed out was cancelled first: the interrupt it then throws on is no outcome of it.
    if ((t instanceof Error || t instanceof InterruptedException) && !isCancelled()) {
      fatal = Optional.of(t);
    }
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
      long wait = started ? timeoutNanos - (System.nanoTime() - startNanos) : NOT_STARTED_POLL_NANOS;
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

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE; // a timeout of centuries: never
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
