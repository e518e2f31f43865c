package dev.conduit.agent;

import dev.conduit.agent.internal.Watchdog;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interrupts a run's thread when its timeout passes. The state machine makes sure an interrupt
 * meant for an expired run never leaks into whatever the thread does after the run.
 */
final class RunDeadline implements AutoCloseable {
  private static final int RUNNING = 0;
  private static final int EXPIRED = 1;
  private static final int CLOSED = 2;
  private static final RunDeadline NONE = new RunDeadline();

  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final Optional<ScheduledFuture<?>> alarm;

  private RunDeadline() {
    alarm = Optional.empty();
  }

  private RunDeadline(Duration timeout, Thread thread) {
    alarm = Optional.of(Watchdog.schedule(() -> {
      if (state.compareAndSet(RUNNING, EXPIRED)) {
        thread.interrupt();
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  static RunDeadline start(Optional<Duration> timeout, Thread thread) {
    return timeout.map(t -> new RunDeadline(t, thread)).orElse(NONE);
  }

  boolean expired() {
    return state.get() == EXPIRED;
  }

  @Override
  public void close() {
    alarm.ifPresent(a -> a.cancel(false));
    if (!state.compareAndSet(RUNNING, CLOSED) && state.get() == EXPIRED) {
      Thread.interrupted(); // the interrupt was ours, not the caller's
    }
  }
}
