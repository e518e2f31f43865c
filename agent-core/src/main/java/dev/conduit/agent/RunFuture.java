package dev.conduit.agent;

import java.util.concurrent.CompletableFuture;

/** A run's future whose {@code cancel} interrupts the run, which cancels its HTTP call and tools. */
final class RunFuture extends CompletableFuture<RunResult> {
  private Thread runner;
  private boolean finished;

  synchronized boolean attach(Thread thread) {
    if (isDone()) {
      return false;
    }
    runner = thread;
    return true;
  }

  synchronized void detach() {
    finished = true;
    runner = null;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      synchronized (this) {
        if (runner != null && !finished) {
          runner.interrupt();
        }
      }
    }
    return cancelled;
  }
}
