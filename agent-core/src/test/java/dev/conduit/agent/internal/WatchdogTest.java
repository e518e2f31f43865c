package dev.conduit.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WatchdogTest {
  /** Says it is over after a given number of looks. */
  private static final class Counting implements Watchdog.Sweep {
    final AtomicInteger looks = new AtomicInteger();
    final int lastLook;

    Counting(int lastLook) {
      this.lastLook = lastLook;
    }

    @Override
    public boolean sweep(long nowNanos) {
      return looks.incrementAndGet() < lastLook;
    }
  }

  private static Thread watchdogThread() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("conduit-watchdog"))
        .findFirst().orElseThrow();
  }

  @Test
  void aSweepIsLookedAtOnEveryTickUntilItSaysItIsOver() {
    Counting first = new Counting(3);
    Watchdog.register(first);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(first.looks).hasValue(3));

    Counting second = new Counting(5); // registered after the first was dropped, so it ends after it for sure
    Watchdog.register(second);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second.looks).hasValue(5));
    assertThat(first.looks).as("never looked at once over").hasValue(3);
  }

  @Test
  void aSweepThatThrowsIsDroppedAndTheOthersAreStillLookedAt() {
    AtomicInteger brokenLooks = new AtomicInteger();
    Watchdog.register(now -> {
      brokenLooks.incrementAndGet();
      throw new IllegalStateException("broken sweep");
    });
    Counting healthy = new Counting(4);
    Watchdog.register(healthy);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(healthy.looks).hasValue(4));
    assertThat(brokenLooks).hasValue(1);
  }

  @Test
  void withNoSweepLeftTheWatchdogStopsTickingAndTheNextSweepWakesItUp() {
    Counting one = new Counting(1);
    Watchdog.register(one);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(one.looks).hasValue(1));

    // Waiting without a timeout: nothing ticks in an idle JVM (other timers may still be queued for a while).
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(watchdogThread().getState()).isEqualTo(Thread.State.WAITING));

    Counting next = new Counting(2);
    Watchdog.register(next);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(next.looks).hasValue(2));
  }
}
