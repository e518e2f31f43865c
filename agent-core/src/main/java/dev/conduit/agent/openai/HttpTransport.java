package dev.conduit.agent.openai;

import dev.conduit.agent.internal.VirtualThreads;
import dev.conduit.agent.model.ResponseTooLargeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One HTTP attempt, run on the calling thread: its sockets are {@link InterruptibleSockets}, so an
 * interrupt stops the exchange even on a platform thread, and an agent run can always be stopped.
 * With a caller's own socket factory (or a SOCKS proxy) that guarantee is gone; then a platform
 * thread hands the exchange to OkHttp's threads and waits interruptibly, cancelling the call.
 */
final class HttpTransport {
  static final String RETRY_COUNT_HEADER = "X-Conduit-Retry-Count";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** A whole non-SSE response: an error status, or a JSON answer. */
  record Plain(int status, Headers headers, byte[] body) {}

  /** What to make of the response of one attempt; runs on the thread of the exchange. */
  interface ResponseHandler<T> {
    T handle(Call call, Response response) throws IOException, HttpFailure, InterruptedException;
  }

  private final OkHttpClient completeClient;
  private final OkHttpClient streamClient;
  private final boolean interruptible;
  private final ClientConfig config;
  private final HttpLog log;
  private final String bearer;
  private final Map<HttpUrl, HttpUrl> endpointUrls = new ConcurrentHashMap<>(4);

  HttpTransport(OkHttpClient base, ClientConfig config, HttpLog log) {
    this.config = config;
    this.log = log;
    this.bearer = config.apiKey().bearer();
    // Only OkHttp's own default factory is replaced: a caller's factory may do things ours does not.
    this.interruptible = base.socketFactory() == SocketFactory.getDefault()
        && (base.proxy() == null || base.proxy().type() != Proxy.Type.SOCKS);
    OkHttpClient.Builder builder = base.newBuilder()
        .retryOnConnectionFailure(false) // every attempt is ours to count
        .connectTimeout(config.connectTimeout())
        .callTimeout(config.attemptTimeout())
        // The call timeout already bounds the request's writes and every read of a plain exchange
        // (streams get their idle timeout below). Per-read and per-write timeouts would add nothing, yet
        // each one is a node in Okio's one global timeout queue, taken under its lock, often waking its
        // thread, and a timed socket read is a timer and a poll(2) more: 17-20% of the client CPU of a run
        // under load (BENCHMARKS.md, round 3).
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO);
    if (interruptible) {
      builder.socketFactory(InterruptibleSockets.INSTANCE);
    }
    this.completeClient = builder.build();
    this.streamClient = completeClient.newBuilder().readTimeout(config.streamIdleTimeout()).build();
  }

  /**
   * A fresh idempotency key for one model call, when the client sends them; every attempt of the
   * call, the fallback's included, carries the same one.
   */
  Optional<String> idempotencyKey() {
    return config.idempotencyHeader().isEmpty() ? Optional.empty() : Optional.of("conduit-retry-" + UUID.randomUUID());
  }

  Request request(HttpUrl baseUrl, byte[] json, int attempt, boolean stream, Optional<String> idempotencyKey) {
    Request.Builder r = new Request.Builder().url(endpointUrls.computeIfAbsent(baseUrl, this::endpointUrl))
        .post(RequestBody.create(json, JSON))
        .header("Authorization", bearer)
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .header("User-Agent", "conduit/0.1");
    boolean callerCounts = false;
    for (Map.Entry<String, String> h : config.headers().entrySet()) {
      r.header(h.getKey(), h.getValue());
      callerCounts |= h.getKey().equalsIgnoreCase(RETRY_COUNT_HEADER);
    }
    if (!callerCounts) {
      r.header(RETRY_COUNT_HEADER, Integer.toString(attempt));
    }
    idempotencyKey.ifPresent(key -> r.header(config.idempotencyHeader().orElseThrow(), key));
    return r.build();
  }

  private HttpUrl endpointUrl(HttpUrl baseUrl) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    if (baseUrl.pathSegments().get(baseUrl.pathSize() - 1).isEmpty()) {
      url.removePathSegment(baseUrl.pathSize() - 1);
    }
    return url.addPathSegments(config.endpoint().path()).build();
  }

  /** Sends one non-streaming request and reads the whole response. */
  Plain execute(Request request, byte[] json, int attempt) throws IOException, InterruptedException {
    try {
      return exchange(completeClient, request, json, attempt, (call, response) -> readPlain(response));
    } catch (CappedBody.TooLarge tooLarge) {
      throw new ResponseTooLargeException("The response of " + request.method() + " " + request.url()
          + " is too large: " + tooLarge.getMessage(), Optional.empty());
    } catch (IOException io) {
      throw classify(io, false);
    } catch (HttpFailure impossible) {
      throw new IllegalStateException(impossible); // readPlain never judges a status
    }
  }

  /**
   * Sends one streaming request and hands the response to {@code handler}, which reads the events
   * (see {@link #events}). The attempt timeout stops at the first byte: from there the stream idle
   * timeout governs.
   */
  <T> T stream(Request request, byte[] json, int attempt, ResponseHandler<T> handler)
      throws IOException, HttpFailure, InterruptedException {
    return exchange(streamClient, request, json, attempt, handler);
  }

  private <T> T exchange(OkHttpClient client, Request request, byte[] json, int attempt, ResponseHandler<T> handler)
      throws IOException, HttpFailure, InterruptedException {
    log.request(request, json);
    long start = System.nanoTime();
    Call call = client.newCall(request);
    try {
      return interruptible || VirtualThreads.isVirtual(Thread.currentThread())
          ? inPlace(call, request, attempt, start, handler)
          : onOkHttpThread(call, request, attempt, start, handler);
    } catch (InterruptedException e) {
      call.cancel();
      throw e;
    }
  }

  private <T> T inPlace(Call call, Request request, int attempt, long start, ResponseHandler<T> handler)
      throws IOException, HttpFailure, InterruptedException {
    try (Response response = call.execute()) {
      log.response(request, attempt, response.code(), response.headers(), start);
      return handler.handle(call, response);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException(); // the interrupt closed the socket: a cancellation, not a failure
      }
      log.failure(request, attempt, e, start);
      throw e;
    }
  }

  private <T> T onOkHttpThread(Call call, Request request, int attempt, long start, ResponseHandler<T> handler)
      throws IOException, HttpFailure, InterruptedException {
    Future<T> result = completeClient.dispatcher().executorService()
        .submit(() -> inPlace(call, request, attempt, start, handler));
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof HttpFailure failure) {
        throw failure;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }

  /** Reads a whole non-SSE body, capped: an error status, a JSON answer, or one where a stream was asked for. */
  Plain readPlain(Response response) throws IOException {
    long cap = response.isSuccessful() ? config.maxResponseBytes() : MAX_ERROR_BODY;
    byte[] body = new CappedBody(response.body(), cap, Long.MAX_VALUE).readAll();
    log.body(body);
    return new Plain(response.code(), response.headers(), body);
  }

  /**
   * Reads the events of an SSE response on this thread, passing each to {@code listener}, with the
   * body capped in total and per event.
   */
  void events(Response response, EventSourceListener listener) {
    EventSources.processResponse(response.newBuilder()
        .body(new CappedBody(response.body(), config.maxResponseBytes(), config.maxEventBytes()))
        .build(), listener);
  }

  static boolean isEventStream(Response response) {
    MediaType type = response.body().contentType();
    return response.isSuccessful() && type != null && type.type().equals("text")
        && type.subtype().equals("event-stream");
  }

  void logEvent(String type, String data) {
    log.event(type, data);
  }

  /** Names the timeout that ran out, and how to raise it. */
  IOException classify(IOException e, boolean streaming) {
    if (e instanceof SocketTimeoutException) {
      String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (msg.contains("connect")) {
        return new TimedOut("the connect timeout of " + seconds(config.connectTimeout())
            + " ran out. Raise it with OpenAiClient.builder().connectTimeout(...)", e);
      }
      if (streaming) {
        return new TimedOut("the stream idle timeout of " + seconds(config.streamIdleTimeout())
            + " ran out with no data from the server. Raise it with OpenAiClient.builder().streamIdleTimeout(...)", e);
      }
      return attemptTimeout(e);
    }
    if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      return attemptTimeout(e);
    }
    return e;
  }

  private TimedOut attemptTimeout(IOException e) {
    return new TimedOut("the per-attempt timeout of " + seconds(config.attemptTimeout())
        + " ran out before the answer was complete. Raise it with OpenAiClient.builder().attemptTimeout(...)", e);
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }
}
