package dev.conduit.examples;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentEvent;
import dev.conduit.agent.AgentException;
import dev.conduit.agent.AgentListener;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.model.ModelException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small HTTP service around one shared {@link Agent}, on the JDK's own HTTP server.
 *
 * <pre>{@code
 * AskServer server = injector.getInstance(AskServer.class);      // the Agent comes from ConduitModule
 * URI url = server.start(new InetSocketAddress("127.0.0.1", 0));  // 0: any free port
 *
 * // curl -s url/ask -d '{"question": "Weather in Oslo?"}'
 * //   {"answer":"...","usage":{"input":812,"output":95,"cached":0,"reasoning":0},"cost":0.00043,"turns":2}
 * // curl -N url/ask -H 'Accept: text/event-stream' -d '{"question": "Weather in Oslo?"}'
 * //   event: tool_call / event: text / ... / event: result
 * server.close();
 * }</pre>
 *
 * <ul>
 *   <li>{@code POST /ask} with {@code {"question": "..."}}: the answer as JSON ({@code answer}, {@code usage},
 *       {@code cost} or {@code null} when unknown, {@code turns}); with {@code Accept: text/event-stream},
 *       server-sent events {@code text}, {@code reasoning}, {@code tool_call}, then {@code result} or
 *       {@code error}. Bad JSON or no question: 400 with {@code {"error": "..."}}; a failed run: 502.
 *   <li>{@code GET /health}: {@code {"status":"ok"}}.
 * </ul>
 *
 * <p>Requests run concurrently on the server's pool of {@value #THREADS} threads, all on the same agent,
 * which is thread-safe. A client that disconnects from a stream cancels its run.
 */
public final class AskServer implements AutoCloseable {
  static final int THREADS = 32;
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(AskServer.class);
  private static final String USAGE_HINT = "send {\"question\": \"...\"} as JSON";

  private final Agent agent;
  private HttpServer server;
  private ExecutorService executor;

  @Inject
  public AskServer(Agent agent) {
    this.agent = requireNonNull(agent, "agent");
  }

  /**
   * Starts serving and returns the base URL, e.g. {@code http://127.0.0.1:8080}.
   *
   * @throws IOException when the address cannot be bound, e.g. the port is taken
   * @throws IllegalStateException when already started
   */
  public synchronized URI start(InetSocketAddress address) throws IOException {
    if (server != null) {
      throw new IllegalStateException("AskServer is already started at " + url());
    }
    HttpServer created = HttpServer.create(address, 0);
    created.createContext("/ask", this::ask);
    created.createContext("/health", this::health);
    created.createContext("/", exchange -> send(exchange, 404, error("no such path: use POST /ask or GET /health")));
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "ask-server-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    created.setExecutor(executor);
    created.start();
    server = created;
    return url();
  }

  /** The base URL the server listens on. */
  public synchronized URI url() {
    if (server == null) {
      throw new IllegalStateException("AskServer is not started: call start(address) first");
    }
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
  }

  /** Stops accepting requests and ends the running ones. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      send(exchange, 405, error("use GET /health"));
      return;
    }
    ObjectNode ok = DemoConversation.JSON.createObjectNode().put("status", "ok");
    send(exchange, 200, ok);
  }

  private void ask(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestURI().getPath().equals("/ask")) {
        send(exchange, 404, error("no such path: use POST /ask or GET /health"));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, error("use POST /ask and " + USAGE_HINT));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        send(exchange, 413, error("the request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB: " + USAGE_HINT));
        return;
      }
      String question;
      try {
        question = question(body);
      } catch (BadRequest e) {
        send(exchange, 400, error(e.getMessage()));
        return;
      }
      if (wantsEvents(exchange)) {
        stream(exchange, question);
      } else {
        answer(exchange, question);
      }
    } finally {
      exchange.close();
      Thread.interrupted(); // a cancelled stream leaves the pool thread interrupted: clear it for the next request
    }
  }

  private static String question(byte[] body) throws BadRequest {
    JsonNode json;
    try {
      json = DemoConversation.JSON.readTree(body);
    } catch (JacksonException e) {
      throw new BadRequest("the body is not valid JSON (" + Failures.oneLine(e.getOriginalMessage()) + "): " + USAGE_HINT);
    }
    if (json == null || !json.isObject()) {
      throw new BadRequest("the body is not a JSON object: " + USAGE_HINT);
    }
    JsonNode question = json.get("question");
    if (question == null || question.isNull()) {
      throw new BadRequest("question is missing: " + USAGE_HINT);
    }
    if (!question.isString()) {
      throw new BadRequest("question must be a string: " + USAGE_HINT);
    }
    if (question.asString().isBlank()) {
      throw new BadRequest("question is empty: " + USAGE_HINT);
    }
    return question.asString();
  }

  private static boolean wantsEvents(HttpExchange exchange) {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
  }

  private void answer(HttpExchange exchange, String question) throws IOException {
    RunResult result;
    try {
      result = agent.run(question);
    } catch (RuntimeException e) {
      send(exchange, statusFor(e), error(Failures.describe(e)));
      logFailure(e);
      return;
    }
    send(exchange, 200, result(result));
  }

  private void stream(HttpExchange exchange, String question) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    EventStream events = new EventStream(exchange.getResponseBody(), Thread.currentThread());
    try {
      RunResult result = agent.runStreaming(question, events);
      events.send("result", result(result));
    } catch (RuntimeException e) {
      events.send("error", error(Failures.describe(e)));
      logFailure(e);
    }
  }

  private static int statusFor(RuntimeException e) {
    if (e instanceof AgentException || e instanceof ModelException) {
      return 502;
    }
    return e instanceof IllegalArgumentException ? 400 : 500;
  }

  private static void logFailure(RuntimeException e) {
    if (e instanceof AgentException || e instanceof ModelException || e instanceof IllegalArgumentException) {
      LOG.debug("A run failed: {}", e.getMessage());
    } else {
      LOG.warn("A run failed unexpectedly", e);
    }
  }

  static ObjectNode result(RunResult result) {
    ObjectNode json = DemoConversation.JSON.createObjectNode();
    json.put("answer", result.finalText());
    json.putObject("usage")
        .put("input", result.usage().inputTokens())
        .put("output", result.usage().outputTokens())
        .put("cached", result.usage().cachedInputTokens())
        .put("reasoning", result.usage().reasoningTokens());
    if (result.cost().isPresent()) {
      json.put("cost", result.cost().get());
    } else {
      json.putNull("cost");
    }
    json.put("turns", result.turns());
    return json;
  }

  private static ObjectNode error(String message) {
    return DemoConversation.JSON.createObjectNode().put("error", message);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = DemoConversation.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /** Writes agent events as server-sent events; a gone client interrupts the run, which cancels it. */
  private static final class EventStream implements AgentListener {
    private final OutputStream out;
    private final Thread runner;
    private boolean gone;

    EventStream(OutputStream out, Thread runner) {
      this.out = out;
      this.runner = runner;
    }

    @Override
    public void onEvent(AgentEvent event) {
      if (event instanceof AgentEvent.TextDelta d) {
        send("text", DemoConversation.JSON.createObjectNode().put("text", d.text()));
      } else if (event instanceof AgentEvent.ReasoningDelta d) {
        send("reasoning", DemoConversation.JSON.createObjectNode().put("text", d.text()));
      } else if (event instanceof AgentEvent.ToolCallFinished f) {
        send("tool_call", toolCall(f.call(), f.duration().toMillis()).putNull("error"));
      } else if (event instanceof AgentEvent.ToolCallFailed f) {
        send("tool_call", toolCall(f.call(), f.duration().toMillis()).put("error", DemoConversation.errorText(f.result())));
      }
    }

    private static ObjectNode toolCall(dev.conduit.agent.message.ToolCall call, long millis) {
      return DemoConversation.JSON.createObjectNode()
          .put("id", call.id())
          .put("name", call.name())
          .put("arguments", call.argumentsJson())
          .put("durationMs", millis);
    }

    synchronized void send(String name, JsonNode data) {
      if (gone) {
        return;
      }
      try {
        out.write(("event: " + name + "\ndata: " + DemoConversation.JSON.writeValueAsString(data) + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        gone = true;
        runner.interrupt();
      }
    }
  }

  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
