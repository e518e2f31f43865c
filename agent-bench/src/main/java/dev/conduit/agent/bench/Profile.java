package dev.conduit.agent.bench;

import dev.conduit.agent.openai.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Runs one client in a loop for a while, for a profiler: JFR's CPU and allocation samples of one
 * client alone, with nothing else in the JVM. An optional third argument runs that many loops at once
 * (virtual threads where the JVM has them), as the throughput scenario does. It prints runs per second
 * and the process CPU per run, the JIT's warm-up included: give it 20 s or more.
 *
 * <pre>{@code
 * java -XX:StartFlightRecording=filename=conduit.jfr,settings=profile -cp benchmarks.jar \
 *     dev.conduit.agent.bench.Profile conduit-chat 20
 * jfr view hot-methods conduit.jfr
 *
 * # JDK 25: CPU-time samples, which also count the time a thread spends in system calls
 * java "-XX:StartFlightRecording=jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=1ms,filename=c16.jfr" \
 *     -cp benchmarks.jar dev.conduit.agent.bench.Profile conduit-chat 20 16
 * }</pre>
 */
public final class Profile {
  private Profile() {}

  public static void main(String[] args) throws Exception {
    String variant = args.length > 0 ? args[0] : "conduit-chat";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
    try (StandInProcess standIn = StandInProcess.start()) {
      OkHttpClient raw = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES)).build();
      BenchClient client;
      switch (variant) {
        case "raw-chat":
          client = new RawClient("raw", raw, standIn.baseUrl(), true, 0);
          break;
        case "raw-chat-lean":
          client = new RawClient("raw-lean", Harness.lean(raw), standIn.baseUrl(), true, 0);
          break;
        case "raw-sse-chat":
          client = new RawStreamClient(raw, standIn.baseUrl(), 0);
          break;
        case "conduit-chat":
          client = new ConduitClient("conduit", Optional.empty(), standIn.baseUrl(), Endpoint.CHAT_COMPLETIONS, false, 0);
          break;
        case "conduit-stream-chat":
          client = new ConduitClient("conduit", Optional.of(raw), standIn.baseUrl(), Endpoint.CHAT_COMPLETIONS, true, 0);
          break;
        default:
          throw new IllegalArgumentException("variant: raw-chat, raw-chat-lean, raw-sse-chat, conduit-chat or conduit-stream-chat");
      }
      int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1;
      if (concurrency < 1 || seconds < 1) {
        throw new IllegalArgumentException("seconds and concurrency must be at least 1, got " + seconds + " and "
            + concurrency + ": Profile <variant> <seconds> [<concurrency>]");
      }
      if (concurrency > 1 && variant.contains("stream")) {
        throw new IllegalArgumentException("concurrency above 1 works with raw-chat and conduit-chat: the streaming"
            + " clients keep their first-text timings in a list meant for one thread");
      }
      long cpuBefore = Harness.OS.getProcessCpuTime();
      long runs = concurrency == 1 ? loop(client, seconds) : loopConcurrently(client, seconds, concurrency);
      double cpuMicrosPerRun = (Harness.OS.getProcessCpuTime() - cpuBefore) / 1e3 / runs;
      System.out.printf(java.util.Locale.ROOT, "%s: %d runs in %d s with %d at once, %.0f runs/s, %.1f µs of process CPU per run%n",
          variant, runs, seconds, concurrency, runs / (double) seconds, cpuMicrosPerRun);
    }
    System.exit(0);
  }

  private static long loop(BenchClient client, long seconds) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long runs = 0;
    while (System.nanoTime() < end) {
      runOnce(client);
      runs++;
    }
    return runs;
  }

  private static long loopConcurrently(BenchClient client, long seconds, int concurrency) throws InterruptedException {
    AtomicLong runs = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    ThreadFactory factory = Harness.virtualThreads().orElse(Thread::new);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread worker = factory.newThread(() -> {
        while (!stop.get()) {
          runOnce(client);
          runs.incrementAndGet();
        }
      });
      workers.add(worker);
      worker.start();
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    return runs.get();
  }

  private static void runOnce(BenchClient client) {
    Harness.check(client).ifPresent(problem -> {
      throw new IllegalStateException(problem);
    });
    if (!client.firstTextNanos().isEmpty()) {
      client.firstTextNanos().clear();
    }
  }
}
