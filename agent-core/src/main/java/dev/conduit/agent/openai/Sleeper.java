package dev.conduit.agent.openai;

import java.time.Duration;

/** Waits between retries. A seam so tests can record backoff delays instead of sleeping. */
@FunctionalInterface
interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
