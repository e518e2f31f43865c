package dev.conduit.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import dev.conduit.agent.AgentEvent;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * One fault-matrix experiment: a MockWebServer on 127.0.0.1, an OkHttpClient shared by every
 * client built here (so its pool and dispatcher can be inspected), the canary key, and a record of
 * every text the run exposed: exception messages, {@code toString}s, events, and the request bodies
 * sent to the model. {@link #close()} checks that nothing leaked.
 */
final class Lab implements AutoCloseable {
  /** An endpoint, streamed or not. */
  record Mode(Endpoint endpoint, boolean streaming) {
    boolean appliesTo(FaultScenarios.Scenario scenario) {
      return scenario.appliesTo().test(this);
    }

    @Override
    public String toString() {
      return endpoint + (streaming ? " streaming" : " json");
    }
  }

  /** The sentinel API key: it must never show up anywhere but the Authorization header. */
  static final String KEY = "sk-canary-7Hq2ZpL9xW4vR1tN8mK3sentinel";

  final Endpoint endpoint;
  final boolean streaming;
  final StandIn wire;
  final MockWebServer server = new MockWebServer();
  final OkHttpClient http;
  final List<String> seen = new CopyOnWriteArrayList<>();
  final List<AgentEvent> events = new CopyOnWriteArrayList<>();
  private final ThreadPoolExecutor dispatcherThreads;
  private final Set<Long> baselineThreads;
  private final List<RecordedRequest> recorded = new ArrayList<>();

  Lab(Endpoint endpoint, boolean streaming) throws IOException {
    this.endpoint = endpoint;
    this.streaming = streaming;
    this.wire = new StandIn(endpoint, streaming);
    this.baselineThreads = liveThreadIds();
    // Short keep-alive: idle dispatcher threads end soon, so "threads back to baseline" is observable.
    dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "lab-okhttp-dispatcher");
          t.setDaemon(true);
          return t;
        });
    Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(128);
    http = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(new ConnectionPool(128, 1, TimeUnit.MINUTES))
        .build();
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  String baseUrl() {
    return server.url("/v1").toString();
  }

  OpenAiClient.Builder client() {
    return OpenAiClient.builder().apiKey(KEY).baseUrl(baseUrl()).endpoint(endpoint).httpClient(http);
  }

  AgentBuilder agent(Object... tools) {
    return agent(client().build(), tools);
  }

  AgentBuilder agent(OpenAiClient client, Object... tools) {
    seen.add(client.toString());
    return Agent.builder().client(client).model("gpt-5.1").instructions("Be brief.").tools(tools).listener(this::event);
  }

  private void event(AgentEvent e) {
    events.add(e);
    seen.add(e.toString());
    if (e instanceof AgentEvent.ToolCallFailed f) {
      f.error().ifPresent(this::saw);
    }
  }

  /** Runs {@code input}, streamed or not as this lab is set up. */
  RunResult run(Agent agent, String input) {
    seen.add(agent.toString());
    RunResult result = streaming ? agent.runStreaming(input, e -> { }) : agent.run(input);
    seen.add(result.toString());
    return result;
  }

  /** Runs {@code input} expecting a failure; returns it after recording its texts. */
  RuntimeException failure(Agent agent, String input) {
    try {
      RunResult r = run(agent, input);
      throw new AssertionError("expected the run to fail, got " + r);
    } catch (RuntimeException e) {
      saw(e);
      return e;
    }
  }

  /** Records the message and {@code toString} of a throwable and of its whole cause chain. */
  void saw(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      seen.add(String.valueOf(c.getMessage()));
      seen.add(c.toString());
      for (Throwable s : c.getSuppressed()) {
        saw(s);
      }
    }
  }

  /** Every request the server received so far, in order; their bodies are what the model was sent. */
  List<RecordedRequest> requests() throws InterruptedException {
    while (true) {
      RecordedRequest r = server.takeRequest(0, TimeUnit.MILLISECONDS);
      if (r == null) {
        break;
      }
      recorded.add(r);
      if (r.getBody() != null) {
        seen.add(r.getBody().utf8());
      }
    }
    return List.copyOf(recorded);
  }

  List<String> retryCounts() throws InterruptedException {
    return requests().stream().map(r -> r.getHeaders().get("X-Conduit-Retry-Count")).toList();
  }

  /**
   * Stops the server, then checks the leak rules of RELIABILITY.md T6: no running or queued call,
   * no connection held by an open response, and no thread left working (every thread started
   * during the experiment has ended or sits idle in its pool).
   */
  @Override
  public void close() throws Exception {
    requests();
    try {
      patiently().untilAsserted(() -> {
        assertThat(http.dispatcher().runningCallsCount()).as(() -> "running calls; busy: " + busyThreads(baselineThreads))
            .isZero();
        assertThat(http.dispatcher().queuedCallsCount()).as("queued calls").isZero();
        assertThat(http.connectionPool().connectionCount()).as("connections held by an open response")
            .isEqualTo(http.connectionPool().idleConnectionCount());
      });
      http.connectionPool().evictAll();
      assertThat(http.connectionPool().connectionCount()).as("connections after evictAll").isZero();
    } finally {
      server.close();
    }
    patiently().untilAsserted(() ->
        assertThat(busyThreads(baselineThreads)).as("threads still working after the experiment").isEmpty());
    // Idle workers end at once on shutdown; a worker still inside a call would keep the pool alive.
    dispatcherThreads.shutdown();
    assertThat(dispatcherThreads.awaitTermination(5, TimeUnit.SECONDS)).as("dispatcher threads ended").isTrue();
  }

  static org.awaitility.core.ConditionFactory patiently() {
    return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
  }

  static Set<Long> liveThreadIds() {
    Set<Long> ids = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      ids.add(t.getId());
    }
    return ids;
  }

  /**
   * Threads started after the baseline that are still running library or tool code, or an HTTP
   * exchange. Idle pool workers (parked waiting for a task) do not count: pools keep them by design.
   */
  static List<String> busyThreads(Set<Long> baseline) {
    List<String> busy = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      if (baseline.contains(t.getId()) || t == Thread.currentThread() || !t.isAlive()
          || t.getName().startsWith("MockWebServer")) {
        continue;
      }
      boolean working = Arrays.stream(e.getValue()).map(StackTraceElement::getClassName).anyMatch(c ->
          (c.startsWith("dev.conduit.") && !c.startsWith("dev.conduit.agent.reliability.Lab"))
              || c.startsWith("okhttp3.internal.connection.RealCall")
              || c.startsWith("okhttp3.internal.http1.")
              || c.startsWith("okhttp3.internal.sse.")
              || c.startsWith("okhttp3.sse."));
      if (working) {
        busy.add(t.getName() + " " + Arrays.toString(Arrays.copyOf(e.getValue(), Math.min(6, e.getValue().length))));
      }
    }
    return busy;
  }
}
