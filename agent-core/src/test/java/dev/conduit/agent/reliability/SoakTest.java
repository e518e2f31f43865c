package dev.conduit.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentException;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.awaitility.Awaitility.await;
import tools.jackson.databind.JsonNode;

/**
 * Many agent runs at once against a stand-in that injects faults at random, with a fixed seed: 5% 503,
 * 2% connection reset mid-stream, 1% malformed tool arguments, 1% unknown tool names, 1% tools that
 * time out, 1% 429 with {@code Retry-After-Ms}. Every run must end in a {@code RunResult} or an
 * {@code AgentException}, every tool call id must be answered exactly once, no tool may run twice for
 * one call, and threads, connections and heap must come back.
 *
 * <p>{@code mvn -B verify} runs 1,000 runs. The full soak:
 * {@code mvn -B -pl agent-core verify -Dconduit.soak.runs=10000 -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures go to {@code agent-core/target/soak-figures.txt}.
 */
@Timeout(1800)
class SoakTest {
  static final int RUNS = Integer.getInteger("conduit.soak.runs", 1000);
  static final long SEED = Long.getLong("conduit.soak.seed", 8L);
  static final int CONCURRENCY = 64;

  /** The soak's tools: each call carries a tag, so a second execution of one call would show. */
  public static final class SoakTools {
    final ConcurrentMap<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    final AtomicInteger active = new AtomicInteger();
    final LongAdder timedOut = new LongAdder();

    private void enter(String tag) {
      executions.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
    }

    @Tool("Adds two integers")
    public int add(@Param("First") int a, @Param("Second") int b, @Param("Call tag") String tag) {
      enter(tag);
      return a + b;
    }

    @Tool("Looks something up, slowly")
    public String lookup(@Param("What") String what, @Param("Call tag") String tag) {
      enter(tag);
      active.incrementAndGet();
      try {
        Thread.sleep(30_000);
        return "found";
      } catch (InterruptedException e) {
        timedOut.increment();
        Thread.currentThread().interrupt();
        return "interrupted";
      } finally {
        active.decrementAndGet();
      }
    }
  }

  /** Decides every fault from (seed, run, turn, attempt), so the same seed gives the same faults whatever the scheduling. */
  static final class FaultyModel extends Dispatcher {
    final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
    final LongAdder pairingViolations = new LongAdder();
    final LongAdder requests = new LongAdder();

    static double roll(long... parts) {
      long h = SEED;
      for (long p : parts) {
        h = h * 0x9E3779B97F4A7C15L + p;
      }
      return new SplittableRandom(h).nextDouble();
    }

    private void count(String fault) {
      injected.computeIfAbsent(fault, f -> new LongAdder()).increment();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.increment();
      JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
      boolean chat = request.getUrl().encodedPath().endsWith("/chat/completions");
      boolean streaming = body.path("stream").asBoolean(false);
      StandIn wire = new StandIn(chat ? Endpoint.CHAT_COMPLETIONS : Endpoint.RESPONSES, streaming);
      JsonNode items = chat ? body.get("messages") : body.get("input");
      int run = runOf(items);
      boolean secondTurn = items.valueStream().anyMatch(i -> i.path("role").asString().equals("tool")
          || i.path("type").asString().equals("function_call_output"));
      int attempt = Integer.parseInt(request.getHeaders().get("X-Conduit-Retry-Count"));
      double u = roll(run, secondTurn ? 2 : 1, attempt);
      StandIn.Turn turn = secondTurn ? answer(run, items, chat) : toolTurn(run);
      if (u < 0.05) {
        count("503");
        return withRetryAfter(StandIn.status(503, "service_unavailable_error", "server_is_overloaded"));
      }
      if (u < 0.07) {
        count(streaming ? "reset mid-stream" : "reset mid-body");
        return wire.resetMidway(turn);
      }
      if (u < 0.08) {
        count("429");
        return withRetryAfter(StandIn.status(429, "rate_limit_error", "rate_limit_exceeded"));
      }
      return wire.respond(turn);
    }

    private static MockResponse withRetryAfter(MockResponse r) {
      return r.newBuilder().addHeader("Retry-After-Ms", "10").addHeader("Retry-After", "1").build();
    }

    private static int runOf(JsonNode items) {
      for (JsonNode item : items) {
        JsonNode content = item.path("content");
        String text = content.isString() ? content.asString() : content.path(0).path("text").asString("");
        if (text.startsWith("run ")) {
          return Integer.parseInt(text.substring(4));
        }
      }
      throw new IllegalStateException("no run number in the request");
    }

    private StandIn.Turn toolTurn(int run) {
      int n = 1 + run % 3;
      ToolCall[] calls = new ToolCall[n];
      for (int i = 0; i < n; i++) {
        String id = "call_r" + run + "_" + i;
        String tag = "r" + run + "c" + i;
        double v = roll(run, 100 + i);
        if (v < 0.01) {
          count("malformed arguments");
          calls[i] = new ToolCall(id, "add", "{\"a\": 1, \"b\": ");
        } else if (v < 0.02) {
          count("unknown tool");
          calls[i] = new ToolCall(id, "teleport", "{\"to\":\"Mars\"}");
        } else if (v < 0.03) {
          count("tool timeout");
          calls[i] = new ToolCall(id, "lookup", "{\"what\":\"x\",\"tag\":\"" + tag + "\"}");
        } else {
          calls[i] = new ToolCall(id, "add", "{\"a\":" + run + ",\"b\":" + i + ",\"tag\":\"" + tag + "\"}");
        }
      }
      return StandIn.Turn.calls(calls);
    }

    /** The final answer; first checks the API's pairing rule: each call answered by exactly one result. */
    private StandIn.Turn answer(int run, JsonNode items, boolean chat) {
      Map<String, Integer> calls = new HashMap<>();
      Map<String, Integer> results = new HashMap<>();
      for (JsonNode item : items) {
        if (chat) {
          item.path("tool_calls").valueStream().forEach(c -> calls.merge(c.get("id").asString(), 1, Integer::sum));
          if (item.path("role").asString().equals("tool")) {
            results.merge(item.get("tool_call_id").asString(), 1, Integer::sum);
          }
        } else if (item.path("type").asString().equals("function_call")) {
          calls.merge(item.get("call_id").asString(), 1, Integer::sum);
        } else if (item.path("type").asString().equals("function_call_output")) {
          results.merge(item.get("call_id").asString(), 1, Integer::sum);
        }
      }
      if (!calls.keySet().equals(results.keySet()) || results.values().stream().anyMatch(c -> c != 1)) {
        pairingViolations.increment();
      }
      return StandIn.Turn.text("done " + run);
    }
  }

  /** What a finished run left behind; checked on the run's own thread, then dropped, so memory stays flat. */
  static final class Tally {
    final LongAdder results = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    final LongAdder toolCalls = new LongAdder();
    final LongAdder toolErrors = new LongAdder();

    void check(int run, List<Message> messages, SoakTools tools) {
      Map<String, Integer> answered = new HashMap<>();
      List<ToolCall> calls = new ArrayList<>();
      for (Message m : messages) {
        if (m instanceof AssistantMessage a) {
          calls.addAll(a.toolCalls());
        } else if (m instanceof ToolResult r) {
          answered.merge(r.toolCallId(), 1, Integer::sum);
          if (r.isError()) {
            toolErrors.increment();
          }
        }
      }
      toolCalls.add(calls.size());
      for (ToolCall c : calls) {
        if (answered.getOrDefault(c.id(), 0) != 1) {
          problems.add("run " + run + ": call " + c.id() + " answered " + answered.getOrDefault(c.id(), 0) + " times");
        }
      }
      if (answered.size() != calls.size()) {
        problems.add("run " + run + ": " + answered.size() + " results for " + calls.size() + " calls");
      }
      for (int i = 0; i < 3; i++) {
        AtomicInteger n = tools.executions.remove("r" + run + "c" + i);
        if (n != null && n.get() != 1) {
          problems.add("run " + run + ": call " + i + " executed " + n.get() + " times");
        }
      }
    }
  }

  @Test
  void manyRunsUnderRandomFaultsLoseNothingAndLeakNothing() throws Exception {
    Set<Long> baselineThreads = Lab.liveThreadIds();
    int threadsBefore = baselineThreads.size();
    FaultyModel model = new FaultyModel();
    SoakTools tools = new SoakTools();
    Tally tally = new Tally();
    ThreadPoolExecutor dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> new Thread(r, "soak-okhttp-dispatcher"));
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher(dispatcherThreads);
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(256);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(CONCURRENCY * 2, 1, TimeUnit.MINUTES)).build();
    long start = System.nanoTime();
    long heapAfterFirst;
    long heapAtEnd;
    int firstPhase = Math.min(1000, Math.max(1, RUNS / 10));
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(model);
      server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      OpenAiClient chat = OpenAiClient.builder().apiKey(Lab.KEY).baseUrl(server.url("/v1").toString())
          .endpoint(Endpoint.CHAT_COMPLETIONS).httpClient(http).build();
      OpenAiClient responses = chat.toBuilder().endpoint(Endpoint.RESPONSES).build();
      Agent chatAgent = Agent.builder().client(chat).model("gpt-5.1").tools(tools)
          .toolTimeout(Duration.ofMillis(100)).build();
      Agent responsesAgent = chatAgent.toBuilder().client(responses).build();
      ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY, r -> new Thread(r, "soak-caller"));
      try {
        runAll(0, firstPhase, chatAgent, responsesAgent, tools, tally, server, callers);
        heapAfterFirst = heapAfterGc();
        runAll(firstPhase, RUNS, chatAgent, responsesAgent, tools, tally, server, callers);
      } finally {
        callers.shutdown();
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      }
      Lab.patiently().untilAsserted(() -> {
        assertThat(http.dispatcher().runningCallsCount()).as("running calls").isZero();
        assertThat(http.connectionPool().connectionCount()).as("connections in use")
            .isEqualTo(http.connectionPool().idleConnectionCount());
        assertThat(tools.active).as("tools still running").hasValue(0);
      });
      http.connectionPool().evictAll();
      assertThat(http.connectionPool().connectionCount()).isZero();
      while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // drained: the server keeps every request until taken
      }
    }
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    Lab.patiently().untilAsserted(() -> assertThat(Lab.busyThreads(baselineThreads)).as("threads still working").isEmpty());
    dispatcherThreads.shutdown();
    assertThat(dispatcherThreads.awaitTermination(10, TimeUnit.SECONDS)).as("dispatcher threads ended").isTrue();
    heapAtEnd = heapAfterGc();
    // Pools keep idle threads a while (Conduit's tool pool on JDK 17: 30 s); wait for them to end, sparing only
    // the single-thread timers that outlive any run (Conduit's watchdog, OkHttp's TaskRunner, Okio's Watchdog:
    // library-wide singletons, not per-run leaks; Okio's can outlive its 60 s idle time while any timeout is queued).
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(lingeringThreads(baselineThreads)).as("threads not back to baseline").isEmpty());
    int threadsAfter = Lab.liveThreadIds().size();
    Map<String, Integer> extraThreads = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!baselineThreads.contains(t.getId())) {
        extraThreads.merge(t.getName().replaceAll("[-\\d]+$", ""), 1, Integer::sum);
      }
    }

    Map<String, Long> failures = new TreeMap<>();
    tally.failures.forEach((k, v) -> failures.put(k, v.sum()));
    Map<String, Long> faults = new TreeMap<>();
    model.injected.forEach((k, v) -> faults.put(k, v.sum()));
    String figures = String.format(java.util.Locale.ROOT,
        "runs=%d concurrency=%d seed=%d seconds=%d requests=%d%nresults=%d typedFailures=%s%n"
            + "faultsInjected=%s%ntoolCalls=%d toolErrorResults=%d toolTimeouts=%d pairingViolations=%d problems=%d%n"
            + "heapAfterGcFirst%dRuns=%.1fMiB heapAfterGcAtEnd=%.1fMiB change=%+.1f%%%n"
            + "threadsBefore=%d threadsAfter=%d (new: %s) busyThreadsAfter=0 connectionsAfter=0 "
            + "java=%s%n",
        RUNS, CONCURRENCY, SEED, seconds, model.requests.sum(), tally.results.sum(), failures, faults,
        tally.toolCalls.sum(), tally.toolErrors.sum(), tools.timedOut.sum(), model.pairingViolations.sum(),
        tally.problems.size(), firstPhase, heapAfterFirst / 1048576.0, heapAtEnd / 1048576.0,
        100.0 * (heapAtEnd - heapAfterFirst) / heapAfterFirst, threadsBefore, threadsAfter,
        extraThreads, Runtime.version());
    System.out.println(figures);
    Files.writeString(Path.of("target", "soak-figures.txt"), figures, StandardCharsets.UTF_8);

    assertThat(tally.problems).as("lost or duplicated tool calls").isEmpty();
    assertThat(failures.keySet()).as("every failure is a typed AgentException").allMatch(k -> !k.startsWith("untyped"));
    assertThat(tally.results.sum() + failures.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RUNS);
    assertThat(model.pairingViolations.sum()).as("requests breaking the tool-call pairing rule").isZero();
    assertThat(tools.executions).as("executions of finished runs are checked and dropped").isEmpty();
    assertThat(faults.keySet()).contains("503", "429", "malformed arguments", "unknown tool", "tool timeout");
    assertThat(tally.results.sum()).as("most runs still succeed").isGreaterThan(RUNS * 8L / 10);
    assertThat((double) heapAtEnd).as("heap after GC, against its value after the first %d runs", firstPhase)
        .isLessThanOrEqualTo(heapAfterFirst * 1.10);
  }

  private static void runAll(int from, int to, Agent chat, Agent responses, SoakTools tools, Tally tally,
      MockWebServer server, ExecutorService callers) throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < CONCURRENCY; w++) {
      workers.add(callers.submit(() -> {
        for (int run = next.getAndIncrement(); run < to; run = next.getAndIncrement()) {
          runOnce(run, run % 2 == 0 ? chat : responses, (run / 2) % 2 == 1, tools, tally);
          try {
            while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
              // the server keeps every request until taken
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
  }

  private static void runOnce(int run, Agent agent, boolean streaming, SoakTools tools, Tally tally) {
    String input = "run " + run;
    try {
      RunResult result = streaming ? agent.runStreaming(input, e -> { }) : agent.run(input);
      if (!result.finalText().equals("done " + run)) {
        tally.problems.add("run " + run + " answered " + result.finalText());
      }
      tally.results.increment();
      tally.check(run, result.messages(), tools);
    } catch (AgentException e) {
      String kind = e.getClass().getSimpleName() + (e.getCause() == null ? "" : "(" + e.getCause().getClass().getSimpleName() + ")");
      tally.failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
      tally.check(run, e.messages(), tools);
    } catch (RuntimeException e) {
      tally.failures.computeIfAbsent("untyped " + e, k -> new LongAdder()).increment();
    }
  }

  static List<String> lingeringThreads(Set<Long> baseline) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      String name = t.getName();
      if (!baseline.contains(t.getId()) && t.isAlive() && !name.startsWith("conduit-watchdog")
          && !name.startsWith("awaitility") && !name.startsWith("Okio Watchdog") && !isOkHttpTaskRunner(e.getValue())) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * OkHttp's shared TaskRunner thread keeps the name of the last task it ran (say "OkHttp ConnectionPool
   * connection closer") while it waits for the next one, so it is known by its stack, not its name.
   */
  private static boolean isOkHttpTaskRunner(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("okhttp3.internal.concurrent.TaskRunner")) {
        return true;
      }
    }
    return false;
  }

  static long heapAfterGc() throws InterruptedException {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return min;
  }

}
