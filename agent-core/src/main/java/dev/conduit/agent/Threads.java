package dev.conduit.agent;

import dev.conduit.agent.internal.VirtualThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The library's shared threads: virtual threads where the JVM has them (21+), daemon platform
 * threads on 17. Created lazily, never shut down (they are daemons and idle threads time out).
 */
final class Threads {
  private Threads() {}

  /** Bounded pool size for tools on JVMs without virtual threads. */
  static final int PLATFORM_TOOL_THREADS = 64;

  static ExecutorService tools() {
    return ToolsHolder.EXECUTOR;
  }

  static ExecutorService runs() {
    return RunsHolder.EXECUTOR;
  }

  /**
   * Short-lived threads that hand a turn's unclaimed tool calls to the agent's executor, so that
   * the watchdog never calls an executor itself (a direct one would run tools on the watchdog).
   */
  static ExecutorService fanOut() {
    return FanOutHolder.EXECUTOR;
  }

  private static final class ToolsHolder {
    static final ExecutorService EXECUTOR = virtualOr(() -> {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(PLATFORM_TOOL_THREADS, PLATFORM_TOOL_THREADS, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), daemonFactory("conduit-tool-"));
      pool.allowCoreThreadTimeOut(true);
      return pool;
    });
  }

  private static final class RunsHolder {
    // Unbounded on 17: a run mostly waits on I/O and on its tools, and the caller bounds how many it starts.
    static final ExecutorService EXECUTOR = virtualOr(() -> new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonFactory("conduit-run-")));
  }

  private static final class FanOutHolder {
    // Unbounded on 17 like runs(): one per slow turn, and with a direct executor it runs the calls it hands off.
    static final ExecutorService EXECUTOR = virtualOr(() -> new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonFactory("conduit-fan-out-")));
  }

  private static ExecutorService virtualOr(Supplier<ExecutorService> platform) {
    return VirtualThreads.newPerTaskExecutor().orElseGet(platform);
  }

  private static ThreadFactory daemonFactory(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
