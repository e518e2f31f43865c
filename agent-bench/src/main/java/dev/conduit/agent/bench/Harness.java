package dev.conduit.agent.bench;

import dev.conduit.agent.Agent;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.testing.ScriptedModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures what Conduit costs over the raw baseline (OkHttp + Jackson + a hand-written loop), side by
 * side in one run, against {@link StandIn} in its own JVM, and prints the figures as JSON.
 *
 * <pre>{@code
 * java -cp agent-bench/target/benchmarks.jar dev.conduit.agent.bench.Harness --out bench.json
 * java -cp agent-bench/target/benchmarks.jar dev.conduit.agent.bench.Harness --only throughput,dispatch
 * }</pre>
 *
 * <p>Client CPU is the client JVM's process CPU time (all its threads: caller, OkHttp, tools, GC,
 * JIT) over a block of sequential runs, divided by the runs; the server runs in another process and
 * is not counted. Allocation is {@code ThreadMXBean.getTotalThreadAllocatedBytes} over the same
 * block (every thread, ended ones included). Conduit and raw blocks alternate, and each figure is
 * the median over the blocks.
 */
public final class Harness {
  static final List<String> SCENARIOS = List.of("run", "throughput", "dispatch", "streaming", "toolbox");

  /** How much of everything; {@link #full()} for figures, {@link #smoke()} for the build's check. */
  record Settings(int warmupRuns, int rounds, int runsPerRound, List<Integer> concurrency, List<Integer> latencies,
      Duration throughputWarmup, Duration throughputWindow, int throughputRounds, int dispatchRepeats, int toolboxWarm,
      Set<String> only) {
    // 20,000 warm-up runs: after 5,000 the first comparison of a JVM still measured both clients slower
    // than the same clients a minute later (JIT compilation still running on the 2 cores).
    static Settings full() {
      return new Settings(20_000, 8, 1000, List.of(1, 16, 64, 256), List.of(0, 50), Duration.ofSeconds(2),
          Duration.ofSeconds(2), 3, 5, 300, Set.copyOf(SCENARIOS));
    }

    /** One iteration of everything: for correctness, never for timing. */
    static Settings smoke() {
      return new Settings(1, 1, 1, List.of(1, 16, 64, 256), List.of(0, 50), Duration.ZERO, Duration.ZERO, 1, 1, 1,
          Set.copyOf(SCENARIOS));
    }

    Settings only(Set<String> scenarios) {
      return new Settings(warmupRuns, rounds, runsPerRound, concurrency, latencies, throughputWarmup,
          throughputWindow, throughputRounds, dispatchRepeats, toolboxWarm, Set.copyOf(scenarios));
    }
  }

  static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Settings settings;
  private final HttpUrl baseUrl;
  private final ObjectNode report = RawClient.MAPPER.createObjectNode();
  private final ArrayNode targets;

  private Harness(Settings settings, HttpUrl baseUrl) {
    this.settings = settings;
    this.baseUrl = baseUrl;
    this.targets = RawClient.MAPPER.createArrayNode();
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.full();
    Optional<Path> out = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke":
          settings = Settings.smoke();
          break;
        case "--out":
          out = Optional.of(Path.of(args[++i]));
          break;
        case "--only":
          settings = settings.only(Set.of(args[++i].split(",")));
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]
              + "; expected --smoke, --out FILE, --only " + String.join(",", SCENARIOS));
      }
    }
    String json = RawClient.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(run(settings));
    System.out.println(json);
    if (out.isPresent()) {
      Files.writeString(out.get(), json + "\n");
      System.err.println("written to " + out.get());
    }
    System.exit(0); // OkHttp's dispatcher threads are not daemons and would hold the JVM for a minute
  }

  /** Runs the chosen scenarios and returns the report. */
  static ObjectNode run(Settings settings) throws Exception {
    try (StandInProcess standIn = StandInProcess.start()) {
      Harness harness = new Harness(settings, standIn.baseUrl());
      return harness.runAll();
    }
  }

  private ObjectNode runAll() throws Exception {
    long start = System.nanoTime();
    ObjectNode machine = report.putObject("machine");
    machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    machine.put("virtualThreads", virtualThreads().isPresent());
    machine.put("loadAverageAtStart", round(OS.getSystemLoadAverage(), 2));
    machine.put("started", Instant.now().toString());
    report.set("targets", targets);
    if (settings.only().contains("run")) {
      report.set("run", timed("run", () -> runScenario()));
    }
    if (settings.only().contains("throughput")) {
      report.set("throughput", timed("throughput", () -> throughputScenario()));
    }
    if (settings.only().contains("dispatch")) {
      report.set("dispatch", timed("dispatch", () -> dispatchScenario()));
    }
    if (settings.only().contains("streaming")) {
      report.set("streaming", timed("streaming", () -> streamingScenario()));
    }
    if (settings.only().contains("toolbox")) {
      report.set("toolbox", timed("toolbox", () -> toolboxScenario()));
    }
    machine.put("loadAverageAtEnd", round(OS.getSystemLoadAverage(), 2));
    machine.put("harnessSeconds", round((System.nanoTime() - start) / 1e9, 1));
    return report;
  }

  // --- the HTTP clients -----------------------------------------------------------------------

  /** The raw baseline's OkHttp: synchronous calls need no dispatcher; a pool that keeps every connection. */
  private static OkHttpClient rawHttp() {
    return new OkHttpClient.Builder().connectionPool(new ConnectionPool(1024, 5, TimeUnit.MINUTES)).build();
  }

  // --- 1 and 2: one run, CPU, allocation, latency ----------------------------------------------

  private ObjectNode runScenario() throws Exception {
    ObjectNode node = RawClient.MAPPER.createObjectNode();
    node.put("what", "one run at concurrency 1: question -> 3 parallel tool calls -> final answer (2 round trips), "
        + "0 ms model latency; Conduit with its default OkHttp");
    OkHttpClient raw = rawHttp();
    for (Endpoint endpoint : Endpoint.values()) {
      boolean chat = endpoint == Endpoint.CHAT_COMPLETIONS;
      List<BenchClient> clients = List.of(
          new RawClient("raw", raw, baseUrl, chat, 0),
          new ConduitClient("conduit", Optional.empty(), baseUrl, endpoint, false, 0));
      ObjectNode result = compare(clients);
      node.set(chat ? "chatCompletions" : "responses", result);
      if (chat) {
        node.set("chatAttribution", attribution(raw));
      }
      String where = chat ? "chat" : "responses";
      target("1. client CPU per run, " + where, result.path("ratios").path("cpu").asDouble(), 1.2, true);
      target("1. latency p50, " + where, result.path("ratios").path("p50").asDouble(), 1.2, true);
      target("1. latency p99, " + where, result.path("ratios").path("p99").asDouble(), 1.2, true);
      target("2. bytes allocated per run, " + where, result.path("ratios").path("alloc").asDouble(), 1.3, true);
      if (virtualThreads().isPresent()) {
        // A JDK 21+ backend serves each request on a virtual thread: the same comparison from one.
        ObjectNode virtual = onVirtualThread(() -> compare(clients));
        node.set((chat ? "chatCompletions" : "responses") + "CallerOnVirtualThread", virtual);
        where += ", caller on a virtual thread";
        target("1. client CPU per run, " + where, virtual.path("ratios").path("cpu").asDouble(), 1.2, true);
        target("1. latency p50, " + where, virtual.path("ratios").path("p50").asDouble(), 1.2, true);
        target("2. bytes allocated per run, " + where, virtual.path("ratios").path("alloc").asDouble(), 1.3, true);
      }
    }
    return node;
  }

  private static ObjectNode onVirtualThread(java.util.concurrent.Callable<ObjectNode> work) throws Exception {
    java.util.concurrent.CompletableFuture<ObjectNode> result = new java.util.concurrent.CompletableFuture<>();
    Thread thread = virtualThreads().orElseThrow().newThread(() -> {
      try {
        result.complete(work.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    thread.start();
    return result.get();
  }

  /**
   * Where Conduit's cost goes, by changing one thing at a time: {@code raw-lean} is the raw client with
   * Conduit's choice of timeouts (one per call, none per socket read or write; raw keeps OkHttp's
   * defaults, 10 s per read and per write), so that what the timeouts save shows apart from the rest;
   * {@code conduit-inline-tools} is Conduit with its tools run on the calling thread
   * ({@code executor(Runnable::run)}).
   */
  private ObjectNode attribution(OkHttpClient raw) throws Exception {
    List<BenchClient> clients = List.of(
        new RawClient("raw", raw, baseUrl, true, 0),
        new RawClient("raw-lean", lean(raw), baseUrl, true, 0),
        new ConduitClient("conduit-inline-tools", Optional.empty(), baseUrl, Endpoint.CHAT_COMPLETIONS, false, 0,
            Optional.of(Runnable::run)),
        new ConduitClient("conduit", Optional.empty(), baseUrl, Endpoint.CHAT_COMPLETIONS, false, 0));
    ObjectNode node = compare(clients);
    node.put("what", "Chat Completions at concurrency 1, each variant's ratios to raw");
    return node;
  }

  /** The raw client's OkHttp with Conduit's timeouts: a call timeout, none per socket read or write. */
  static OkHttpClient lean(OkHttpClient raw) {
    return raw.newBuilder().readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO)
        .callTimeout(Duration.ofMinutes(10)).build();
  }

  /** Warm-up, then blocks of sequential runs alternating between the clients; the first client is the baseline. */
  private ObjectNode compare(List<BenchClient> clients) throws Exception {
    Map<BenchClient, Block> blocks = new LinkedHashMap<>();
    for (BenchClient c : clients) {
      blocks.put(c, new Block());
    }
    for (int i = 0; i < settings.warmupRuns(); i++) {
      for (BenchClient c : clients) {
        blocks.get(c).check(c);
      }
    }
    Map<BenchClient, Integer> warmTexts = new LinkedHashMap<>();
    clients.forEach(c -> warmTexts.put(c, c.firstTextNanos().size()));
    for (int round = 0; round < settings.rounds(); round++) {
      List<BenchClient> order = new ArrayList<>(clients);
      if (round % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (BenchClient c : order) {
        blocks.get(c).measure(c, settings.runsPerRound());
      }
    }
    ObjectNode node = RawClient.MAPPER.createObjectNode();
    Block base = blocks.get(clients.get(0));
    for (BenchClient c : clients) {
      Block b = blocks.get(c);
      ObjectNode n = node.putObject(c.name());
      n.put("runs", b.latencies.size());
      n.put("errors", b.errors);
      b.firstError.ifPresent(e -> n.put("firstError", e));
      n.put("cpuMicrosPerRun", round(median(b.cpuPerRun) / 1e3, 1));
      n.put("allocKiBPerRun", round(median(b.allocPerRun) / 1024, 1));
      n.put("latencyMicrosP50", round(percentile(b.latencies, 0.50) / 1e3, 1));
      n.put("latencyMicrosP99", round(percentile(b.latencies, 0.99) / 1e3, 1));
      n.put("contextSwitchesPerRun", round(median(b.switchesPerRun), 1));
      if (c != clients.get(0)) {
        ObjectNode r = n.putObject("ratioToBaseline");
        r.put("cpu", ratio(median(b.cpuPerRun), median(base.cpuPerRun)));
        r.put("alloc", ratio(median(b.allocPerRun), median(base.allocPerRun)));
        r.put("p50", ratio(percentile(b.latencies, 0.5), percentile(base.latencies, 0.5)));
      }
      List<Long> firstText = measured(c, warmTexts);
      if (!firstText.isEmpty()) {
        n.put("firstSseByteToFirstTextMicrosP50", round(percentile(firstText, 0.50) / 1e3, 1));
        n.put("firstSseByteToFirstTextMicrosP99", round(percentile(firstText, 0.99) / 1e3, 1));
      }
    }
    Block other = blocks.get(clients.get(1));
    ObjectNode ratios = node.putObject("ratios");
    ratios.put("of", clients.get(1).name() + " / " + clients.get(0).name());
    ratios.put("cpu", ratio(median(other.cpuPerRun), median(base.cpuPerRun)));
    ratios.put("alloc", ratio(median(other.allocPerRun), median(base.allocPerRun)));
    ratios.put("p50", ratio(percentile(other.latencies, 0.5), percentile(base.latencies, 0.5)));
    ratios.put("p99", ratio(percentile(other.latencies, 0.99), percentile(base.latencies, 0.99)));
    if (!measured(clients.get(1), warmTexts).isEmpty()) {
      ratios.put("firstText", ratio(percentile(measured(clients.get(1), warmTexts), 0.5),
          percentile(measured(clients.get(0), warmTexts), 0.5)));
    }
    return node;
  }

  private static List<Long> measured(BenchClient c, Map<BenchClient, Integer> warmTexts) {
    List<Long> all = c.firstTextNanos();
    return all.subList(warmTexts.get(c), all.size());
  }

  /** The figures of one client over all its measured blocks. */
  private static final class Block {
    final List<Double> cpuPerRun = new ArrayList<>();
    final List<Double> allocPerRun = new ArrayList<>();
    final List<Double> switchesPerRun = new ArrayList<>();
    final List<Long> latencies = new ArrayList<>();
    long errors;
    Optional<String> firstError = Optional.empty();

    void measure(BenchClient client, int runs) {
      long[] times = new long[runs];
      long cpu0 = OS.getProcessCpuTime();
      long alloc0 = THREADS.getTotalThreadAllocatedBytes();
      long switches0 = contextSwitches();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        check(client);
        times[i] = System.nanoTime() - t0;
      }
      long alloc1 = THREADS.getTotalThreadAllocatedBytes();
      long cpu1 = OS.getProcessCpuTime();
      switchesPerRun.add((double) (contextSwitches() - switches0) / runs);
      cpuPerRun.add((double) (cpu1 - cpu0) / runs);
      allocPerRun.add((double) (alloc1 - alloc0) / runs);
      for (long t : times) {
        latencies.add(t);
      }
    }

    void check(BenchClient client) {
      Optional<String> problem = Harness.check(client);
      if (problem.isPresent()) {
        errors++;
        firstError = firstError.or(() -> problem);
      }
    }
  }

  /**
   * Context switches of this process's live threads so far (Linux, from /proc; 0 elsewhere): every
   * hand-off between threads costs one or two, and the kernel time they take is client CPU too.
   */
  static long contextSwitches() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    long total = 0;
    try (var dirs = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) dirs::iterator) {
        try {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
              total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException e) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  /** Runs once; empty when the run gave the expected answer, else what went wrong. */
  static Optional<String> check(BenchClient client) {
    try {
      String answer = client.run();
      return Fixture.ANSWER.equals(answer) ? Optional.empty() : Optional.of("wrong answer: " + answer);
    } catch (Exception | AssertionError e) {
      return Optional.of(e.toString());
    }
  }

  // --- 3: throughput -------------------------------------------------------------------------

  private ObjectNode throughputScenario() throws Exception {
    ObjectNode node = RawClient.MAPPER.createObjectNode();
    node.put("what", "runs per second with N runs at once (Chat Completions, not streamed); workers are "
        + (virtualThreads().isPresent() ? "virtual" : "platform") + " threads calling run(); each client measured "
        + settings.throughputRounds() + " times, alternating, and its median window reported");
    OkHttpClient raw = rawHttp();
    for (int latency : settings.latencies()) {
      BenchClient rawClient = new RawClient("raw", raw, baseUrl, true, latency);
      BenchClient conduit = new ConduitClient("conduit", Optional.empty(), baseUrl, Endpoint.CHAT_COMPLETIONS, false,
          latency);
      ObjectNode byLatency = node.putObject("latency" + latency + "ms");
      for (int concurrency : settings.concurrency()) {
        ObjectNode level = byLatency.putObject("concurrency" + concurrency);
        double ideal = latency == 0 ? Double.NaN : concurrency * 1000.0 / (2 * latency);
        if (latency > 0) {
          level.put("idealRunsPerSecond", round(ideal, 1));
        }
        Map<BenchClient, List<ObjectNode>> windows = new LinkedHashMap<>();
        windows.put(rawClient, new ArrayList<>());
        windows.put(conduit, new ArrayList<>());
        for (int round = 0; round < settings.throughputRounds(); round++) {
          List<BenchClient> order = round % 2 == 0 ? List.of(rawClient, conduit) : List.of(conduit, rawClient);
          for (BenchClient c : order) {
            ObjectNode window = RawClient.MAPPER.createObjectNode();
            throughput(c, concurrency, window);
            windows.get(c).add(window);
          }
        }
        double rawRate = medianWindow(windows.get(rawClient), level.putObject("raw"));
        double rate = medianWindow(windows.get(conduit), level.putObject("conduit"));
        ObjectNode n = (ObjectNode) level.get("conduit");
        n.put("ratioToRaw", ratio(rate, rawRate));
        target("3. throughput, " + latency + " ms, concurrency " + concurrency, ratio(rate, rawRate), 0.9, false);
        if (latency > 0) {
          n.put("fractionOfIdeal", round(rate / ideal, 3));
          target("3. fraction of latency-bound ideal, " + latency + " ms, concurrency " + concurrency,
              round(rate / ideal, 3), 0.9, false);
        }
      }
    }
    return node;
  }

  /** Copies the window with the median rate into {@code out}, with every window's rate; returns that rate. */
  private static double medianWindow(List<ObjectNode> windows, ObjectNode out) {
    List<ObjectNode> sorted = new ArrayList<>(windows);
    sorted.sort(java.util.Comparator.comparingDouble(w -> w.path("runsPerSecond").asDouble()));
    ObjectNode median = sorted.get(sorted.size() / 2);
    out.setAll(median);
    ArrayNode rates = out.putArray("runsPerSecondOfEachWindow");
    windows.forEach(w -> rates.add(w.path("runsPerSecond").asDouble()));
    return median.path("runsPerSecond").asDouble();
  }

  private double throughput(BenchClient client, int concurrency, ObjectNode out) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean();
    ThreadFactory factory = virtualThreads().orElse(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread worker = factory.newThread(() -> {
        while (true) {
          Optional<String> problem = check(client);
          done.incrementAndGet();
          if (problem.isPresent()) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, problem.get());
          }
          if (stop.get()) {
            return;
          }
        }
      });
      workers.add(worker);
      worker.start();
    }
    Thread.sleep(settings.throughputWarmup().toMillis());
    THREADS.resetPeakThreadCount();
    long c0 = done.get();
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    Thread.sleep(settings.throughputWindow().toMillis() / 2);
    int[] platform = platformThreads();
    Thread.sleep(settings.throughputWindow().toMillis() - settings.throughputWindow().toMillis() / 2);
    long c1 = done.get();
    long cpu1 = OS.getProcessCpuTime();
    long t1 = System.nanoTime();
    int peak = THREADS.getPeakThreadCount();
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    long runs = settings.throughputWindow().isZero() ? done.get() : c1 - c0;
    double seconds = settings.throughputWindow().isZero() ? (System.nanoTime() - t0) / 1e9 : (t1 - t0) / 1e9;
    double rate = runs / seconds;
    out.put("runsPerSecond", round(rate, 1));
    out.put("runs", runs);
    out.put("errors", errors.get());
    if (firstError.get() != null) {
      out.put("firstError", firstError.get());
    }
    out.put("cpuMicrosPerRun", runs == 0 ? 0 : round((cpu1 - cpu0) / 1e3 / runs, 1));
    out.put("platformThreadsMidWindow", platform[0]);
    out.put("platformThreadsInHttpCallsMidWindow", platform[1]);
    out.put("peakPlatformThreads", peak);
    return rate;
  }

  /**
   * Live platform threads (virtual ones are not listed), and those of them inside an OkHttp call or a
   * worker's run: a design with one platform thread per run in flight shows about the concurrency here.
   */
  private static int[] platformThreads() {
    Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
    int busy = 0;
    for (StackTraceElement[] stack : all.values()) {
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith("okhttp3.internal.connection.RealCall")) {
          busy++;
          break;
        }
      }
    }
    return new int[] {all.size(), busy};
  }

  // --- 4: parallel dispatch ------------------------------------------------------------------

  private ObjectNode dispatchScenario() throws Exception {
    ObjectNode node = RawClient.MAPPER.createObjectNode();
    node.put("what", "one turn of N calls to a tool that sleeps 200 ms, model = ScriptedModel (no HTTP): wall time "
        + "of the whole run; raw = invokeAll on " + (virtualThreads().isPresent() ? "virtual threads" : "a cached thread pool"));
    ExecutorService rawPool = virtualExecutor().orElseGet(Executors::newCachedThreadPool);
    try {
      for (int n : List.of(4, 64)) {
        ToolCall[] calls = new ToolCall[n];
        for (int i = 0; i < n; i++) {
          calls[i] = new ToolCall("call_" + i, "pause", "{\"id\":\"" + i + "\"}");
        }
        ScriptedModel model = ScriptedModel.answering(request -> {
          List<Message> messages = request.messages();
          return messages.get(messages.size() - 1) instanceof ToolResult
              ? ScriptedModel.Turn.text("done")
              : ScriptedModel.Turn.toolCalls(calls);
        });
        Agent agent = Agent.builder().client(model).model(Fixture.MODEL).tools(new PauseTools())
            .toolCallLimits(n, n).build();
        PauseTools direct = new PauseTools();
        List<Long> conduit = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        long errors = 0;
        for (int r = 0; r < settings.dispatchRepeats() + 1; r++) { // the first of each is a warm-up
          long t0 = System.nanoTime();
          RunResult result = agent.run("Call pause " + n + " times");
          long conduitNanos = System.nanoTime() - t0;
          long ok = result.messages().stream().filter(m -> m instanceof ToolResult t && !t.isError()).count();
          errors += ok == n && result.finalText().equals("done") ? 0 : 1;
          List<Callable<String>> tasks = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            String id = Integer.toString(i);
            tasks.add(() -> direct.pause(id));
          }
          t0 = System.nanoTime();
          List<Future<String>> futures = rawPool.invokeAll(tasks);
          long rawNanos = System.nanoTime() - t0;
          for (int i = 0; i < n; i++) {
            errors += futures.get(i).get().equals(Integer.toString(i)) ? 0 : 1;
          }
          if (r > 0 || settings.dispatchRepeats() == 0) {
            conduit.add(conduitNanos);
            raw.add(rawNanos);
          }
        }
        ObjectNode level = node.putObject("tools" + n);
        level.put("errors", errors);
        level.put("conduitWallMillisMedian", round(percentile(conduit, 0.5) / 1e6, 1));
        level.put("conduitWallMillisMax", round(percentile(conduit, 1.0) / 1e6, 1));
        level.put("rawWallMillisMedian", round(percentile(raw, 0.5) / 1e6, 1));
        level.put("rawWallMillisMax", round(percentile(raw, 1.0) / 1e6, 1));
        target("4. dispatch wall ms, " + n + " tools x 200 ms", round(percentile(conduit, 1.0) / 1e6, 1),
            n == 4 ? 210 : 400, true);
      }
    } finally {
      rawPool.shutdownNow();
    }
    return node;
  }

  // --- 5: streaming --------------------------------------------------------------------------

  private ObjectNode streamingScenario() throws Exception {
    OkHttpClient marking = new OkHttpClient.Builder().eventListener(new FirstByteClock())
        .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES)).build();
    List<BenchClient> clients = List.of(
        new RawStreamClient(marking, baseUrl, 0),
        new ConduitClient("conduit-stream", Optional.of(marking), baseUrl, Endpoint.CHAT_COMPLETIONS, true, 0));
    ObjectNode node = compare(clients);
    node.put("what", "the same run with stream: true on Chat Completions at concurrency 1; raw = okhttp-sse on the "
        + "calling thread; first text = from the final turn's response headers read "
        + "(its first bytes) to the first text delta handed to the caller");
    target("5. streaming client CPU per run", node.path("ratios").path("cpu").asDouble(), 1.3, true);
    return node;
  }

  // --- 6: Toolbox.of ---------------------------------------------------------------------------

  private ObjectNode toolboxScenario() throws Exception {
    ObjectNode node = RawClient.MAPPER.createObjectNode();
    node.put("what", "Toolbox.of(new TwentyTools()) in a fresh child JVM: the first call (cold classes, schema "
        + "generation) and the warm median");
    List<Double> first = new ArrayList<>();
    ObjectNode last = null;
    int launches = settings.dispatchRepeats() > 1 ? 3 : 1;
    for (int i = 0; i < launches; i++) {
      try (ChildJvm jvm = ChildJvm.start(ToolboxStartup.class, List.of("-Xmx256m"),
          List.of(Integer.toString(settings.toolboxWarm())))) {
        last = (ObjectNode) RawClient.MAPPER.readTree(jvm.readLine());
      }
      first.add(last.path("firstMillis").asDouble());
    }
    node.put("launches", launches);
    node.put("tools", last.path("tools").asInt());
    node.put("firstCallMillisMedian", round(median(first), 1));
    node.set("lastLaunch", last);
    return node;
  }

  // --- helpers -------------------------------------------------------------------------------

  private static ObjectNode timed(String scenario, Callable<ObjectNode> body) throws Exception {
    long t0 = System.nanoTime();
    System.err.println("[harness] " + scenario + " ...");
    ObjectNode node = body.call();
    System.err.println("[harness] " + scenario + " took " + round((System.nanoTime() - t0) / 1e9, 1) + " s");
    return node;
  }

  private void target(String name, double value, double limit, boolean atMost) {
    ObjectNode t = targets.addObject();
    t.put("target", name);
    t.put("value", value);
    t.put("limit", (atMost ? "<= " : ">= ") + limit);
    t.put("met", atMost ? value <= limit : value >= limit);
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()} on 21+, by reflection: this module compiles for 17. */
  static Optional<ExecutorService> virtualExecutor() {
    try {
      return Optional.of((ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null));
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }

  static Optional<ThreadFactory> virtualThreads() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return Optional.of((ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder));
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double percentile(List<Long> values, double p) {
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    return v[Math.max(0, (int) Math.ceil(p * v.length) - 1)];
  }

  /** a / b; 0 when b is not a positive measure (a smoke run's 1-run blocks can read 0 CPU). */
  private static double ratio(double a, double b) {
    return b > 0 && Double.isFinite(a) ? round(a / b, 3) : 0;
  }

  private static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
