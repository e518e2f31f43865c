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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One tool call on its way through the executor, with its own timeout. */
final class ToolTask extends FutureTask<ToolExecution> {
  private static final Logger log = LoggerFactory.getLogger(ToolTask.class);

  private final int turn;
  private final ToolCall call;
  private final Duration timeout;
  private final EventSink sink;
  private final Semaphore permits;
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
      return;
    }
    // The timeout starts once the tool may run, not while it waits for a thread or a permit.
    ScheduledFuture<?> alarm = null;
    try {
      if (isDone()) {
        return;
      }
      startNanos = System.nanoTime();
      alarm = Threads.watchdog().schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
      sink.emit(new AgentEvent.ToolCallStarted(turn, call));
      super.run();
    } finally {
      if (alarm != null) {
        alarm.cancel(false);
      }
      permits.release();
    }
  }

  private void expire() {
    timedOut = true;
    cancel(true);
  }

  void rejected(Throwable e) {
    rejection = Optional.of(e);
    cancel(false);
  }

  /** Waits for the result; a failure, timeout or rejection becomes an error result. */
  ToolResult await() throws InterruptedException, ExecutionException {
    try {
      ToolExecution execution = get();
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
      // Toolbox.execute only throws InterruptedException: some other code interrupted the tool's thread.
      ToolResult result = ToolResult.error(call, "Error: tool '" + call.name() + "' was interrupted.");
      report(result, Optional.of(e.getCause()));
      return result;
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
    Duration duration = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
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
