package dev.conduit.agent.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for Conduit's timers: tool timeouts, run deadlines, closing finished streams.
 * Its tasks only flip flags, interrupt or cancel, so one thread serves them all. Not public API.
 */
public final class Watchdog {
  private static final ScheduledThreadPoolExecutor EXECUTOR = create();

  private Watchdog() {}

  public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    return EXECUTOR.schedule(task, delay, unit);
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
