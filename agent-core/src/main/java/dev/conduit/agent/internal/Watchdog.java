package dev.conduit.agent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread for Conduit's timers: run deadlines, closing finished streams, and the sweeps
 * that watch the tool calls running on a run's own thread. Its tasks only flip flags, interrupt,
 * cancel or hand work to another thread, so one thread serves them all. Not public API.
 *
 * <p>A sweep is looked at about every millisecond while any sweep is registered. Registering one is
 * a queue add; only when the watchdog has stopped ticking (3 ms without sweeps) does it cost a
 * wake-up. An idle JVM has no ticking thread: with nothing to do the watchdog waits indefinitely.
 */
public final class Watchdog {
  /** How often registered sweeps are looked at. */
  public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  // Keep ticking this long after the last sweep ended, so that back-to-back turns (a busy service,
  // or one run's turns against a fast model) cost no wake-up each. Short, because every idle tick is
  // itself a wake-up: turns further apart pay about 3 ticks each instead of keeping it ticking.
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(3);

  private static final ScheduledThreadPoolExecutor EXECUTOR = create();
  private static final Queue<Sweep> ARRIVING = new ConcurrentLinkedQueue<>();
  private static final AtomicBoolean TICKING = new AtomicBoolean();
  // Only the watchdog thread touches these two.
  private static final List<Sweep> ACTIVE = new ArrayList<>();
  private static long lastActiveNanos;

  private Watchdog() {}

  /** Something the watchdog looks at on every tick until it says it is over. */
  public interface Sweep {
    /**
     * Called on the watchdog thread about every millisecond; must be quick and never run user code.
     *
     * @return false when this sweep is over and needs no more looking at
     */
    boolean sweep(long nowNanos);
  }

  public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    return EXECUTOR.schedule(task, delay, unit);
  }

  /** Looks at {@code sweep} on every tick from the next one on, until it returns false. */
  public static void register(Sweep sweep) {
    ARRIVING.add(sweep);
    if (!TICKING.get() && TICKING.compareAndSet(false, true)) {
      EXECUTOR.schedule(Watchdog::tick, TICK_NANOS, TimeUnit.NANOSECONDS);
    }
  }

  private static void tick() {
    long now = System.nanoTime();
    boolean stop = false;
    try {
      for (Sweep s = ARRIVING.poll(); s != null; s = ARRIVING.poll()) {
        ACTIVE.add(s);
      }
      if (!ACTIVE.isEmpty()) {
        lastActiveNanos = now;
        ACTIVE.removeIf(s -> !stillActive(s, now));
      } else if (now - lastActiveNanos >= LINGER_NANOS) {
        TICKING.set(false);
        // A sweep registered while we stopped found TICKING still true: take it on, unless its
        // registrant already saw false and started a new tick chain.
        stop = ARRIVING.isEmpty() || !TICKING.compareAndSet(false, true);
      }
    } finally {
      // Even past an Error (no thread for a fan-out): a chain that ended here would leave TICKING set for good.
      if (!stop) {
        EXECUTOR.schedule(Watchdog::tick, TICK_NANOS, TimeUnit.NANOSECONDS);
      }
    }
  }

  private static boolean stillActive(Sweep sweep, long now) {
    try {
      return sweep.sweep(now);
    } catch (RuntimeException | LinkageError e) {
      // A broken sweep must not stop the others: drop it (what it watched still ends on its own thread).
      return false;
    }
  }

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "conduit-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
