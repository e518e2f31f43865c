package dev.conduit.agent.reliability;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The tools of the fault matrix: one per way a tool can behave, each counting its executions. */
public final class MatrixTools {
  final ConcurrentMap<String, AtomicInteger> executions = new ConcurrentHashMap<>();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger maxRunning = new AtomicInteger();
  final AtomicInteger interrupted = new AtomicInteger();

  int executions(String tool) {
    AtomicInteger n = executions.get(tool);
    return n == null ? 0 : n.get();
  }

  private void enter(String tool) {
    executions.computeIfAbsent(tool, t -> new AtomicInteger()).incrementAndGet();
  }

  @Tool("Adds two integers")
  public int add(@Param("First addend") int a, @Param("Second addend") int b) {
    enter("add");
    return a + b;
  }

  @Tool("The current time, as text")
  public String now() {
    enter("now");
    return "12:00";
  }

  @Tool("Always fails")
  public String boom(@Param("Anything") String x) {
    enter("boom");
    throw new IllegalStateException("internal detail: jdbc://db.internal/orders?password=hunter2");
  }

  @Tool("Never answers in time")
  public String slow(@Param("Anything") String x) {
    enter("slow");
    try {
      Thread.sleep(30_000);
      return "woke up";
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Tool("Returns nothing")
  public String nothing(@Param("Anything") String x) {
    enter("nothing");
    return null;
  }

  @Tool("Returns a very long text")
  public String huge(@Param("How many characters") int n) {
    enter("huge");
    return "x".repeat(n);
  }

  /** Refers to itself: Jackson cannot write it. */
  public static final class Loop {
    public Loop getSelf() {
      return this;
    }
  }

  @Tool("Returns an object that cannot be written as JSON")
  public Loop loop(@Param("Anything") String x) {
    enter("loop");
    return new Loop();
  }

  @Tool("Fails with an Error, as an out-of-memory would")
  public String fatal(@Param("Anything") String x) {
    enter("fatal");
    throw new OutOfMemoryError("simulated by the fault matrix");
  }

  @Tool("Counts how many calls run at once")
  public String busy(@Param("Call number") int n) throws InterruptedException {
    enter("busy");
    int now = running.incrementAndGet();
    maxRunning.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(5);
      return "call " + n;
    } finally {
      running.decrementAndGet();
    }
  }
}
