package dev.conduit.agent.openai;

import dev.conduit.agent.internal.VirtualThreads;
import dev.conduit.agent.model.ResponseTooLargeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt. The OkHttp call runs on OkHttp's threads ({@code enqueue}); the calling thread
 * waits interruptibly and cancels the call when interrupted, so an agent run can always be stopped.
 */
final class HttpTransport {
  static final String RETRY_COUNT_HEADER = "X-Conduit-Retry-Count";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** What the OkHttp thread hands to the caller's thread, in order. */
  sealed interface Signal {}

  /** A whole non-SSE response: an error status, or a JSON answer. */
  record Plain(int status, Headers headers, byte[] body) implements Signal {}

  record Opened(Headers headers) implements Signal {}

  record Event(String type, String data) implements Signal {}

  record Closed() implements Signal {}

  record Failed(Throwable failure) implements Signal {}

  private final OkHttpClient completeClient;
  private final OkHttpClient streamClient;
  private final ClientConfig config;
  private final HttpLog log;

  HttpTransport(OkHttpClient base, ClientConfig config, HttpLog log) {
    this.config = config;
    this.log = log;
    this.completeClient = base.newBuilder()
        .retryOnConnectionFailure(false) // every attempt is ours to count
        .connectTimeout(config.connectTimeout())
        .callTimeout(config.attemptTimeout())
        .readTimeout(config.attemptTimeout())
        .writeTimeout(config.streamIdleTimeout())
        .build();
    this.streamClient = completeClient.newBuilder().readTimeout(config.streamIdleTimeout()).build();
  }

  Request request(HttpUrl baseUrl, byte[] json, int attempt, boolean stream) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    if (baseUrl.pathSegments().get(baseUrl.pathSize() - 1).isEmpty()) {
      url.removePathSegment(baseUrl.pathSize() - 1);
    }
    url.addPathSegments(config.endpoint().path());
    Request.Builder r = new Request.Builder().url(url.build()).post(RequestBody.create(json, JSON))
        .header("Authorization", config.apiKey().bearer())
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
    return r.build();
  }

  /**
   * Sends one non-streaming request and reads the whole response. On a virtual thread the exchange
   * runs in place (an interrupt closes its socket); on a platform thread, whose blocking socket reads
   * ignore interrupts, it runs on OkHttp's dispatcher while the caller waits interruptibly.
   */
  Plain execute(Request request, byte[] json, int attempt) throws IOException, InterruptedException {
    log.request(request, json);
    long start = System.nanoTime();
    Call call = completeClient.newCall(request);
    try {
      return VirtualThreads.isVirtual(Thread.currentThread()) ? exchangeInPlace(call, request, attempt, start)
          : exchangeOnDispatcher(call, request, attempt, start);
    } catch (CappedBody.TooLarge tooLarge) {
      throw new ResponseTooLargeException("The response of " + request.method() + " " + request.url()
          + " is too large: " + tooLarge.getMessage(), Optional.empty());
    } catch (IOException io) {
      log.failure(request, attempt, io, start);
      throw classify(io, false);
    }
  }

  private Plain exchangeInPlace(Call call, Request request, int attempt, long start) throws IOException, InterruptedException {
    try (Response response = call.execute()) {
      return read(response, request, attempt, start);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        call.cancel();
        throw new InterruptedException();
      }
      throw e;
    }
  }

  private Plain exchangeOnDispatcher(Call call, Request request, int attempt, long start)
      throws IOException, InterruptedException {
    CompletableFuture<Plain> result = new CompletableFuture<>();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        result.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          result.complete(read(response, request, attempt, start));
        } catch (IOException | RuntimeException e) {
          result.completeExceptionally(e);
        }
      }
    });
    try {
      return result.get();
    } catch (InterruptedException e) {
      call.cancel();
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }

  private Plain read(Response response, Request request, int attempt, long start) throws IOException {
    log.response(request, attempt, response.code(), response.headers(), start);
    long cap = response.isSuccessful() ? config.maxResponseBytes() : MAX_ERROR_BODY;
    byte[] body = new CappedBody(response.body(), cap, Long.MAX_VALUE).readAll();
    log.body(body);
    return new Plain(response.code(), response.headers(), body);
  }

  /**
   * Starts a streaming request. Signals arrive on the returned queue; the caller must {@link
   * Call#cancel()} the call if it stops reading before {@link Closed} or {@link Failed}.
   */
  Call startStream(Request request, byte[] json, int attempt, BlockingQueue<Signal> signals) {
    log.request(request, json);
    long start = System.nanoTime();
    Call call = streamClient.newCall(request);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        log.failure(request, attempt, e, start);
        signals.add(new Failed(e));
      }

      @Override
      public void onResponse(Call c, Response response) {
        log.response(request, attempt, response.code(), response.headers(), start);
        if (!response.isSuccessful() || !isEventStream(response)) {
          try (response) {
            long cap = response.isSuccessful() ? config.maxResponseBytes() : MAX_ERROR_BODY;
            byte[] body = new CappedBody(response.body(), cap, Long.MAX_VALUE).readAll();
            log.body(body);
            signals.add(new Plain(response.code(), response.headers(), body));
          } catch (IOException | RuntimeException e) {
            signals.add(new Failed(e));
          }
          return;
        }
        // A long-lived body: from here on the stream idle timeout governs, not the attempt timeout.
        c.timeout().cancel();
        signals.add(new Opened(response.headers()));
        Response capped = response.newBuilder()
            .body(new CappedBody(response.body(), config.maxResponseBytes(), config.maxEventBytes()))
            .build();
        EventSources.processResponse(capped, new EventSourceListener() {
          @Override
          public void onEvent(EventSource source, @Nullable String id, @Nullable String type, String data) {
            signals.add(new Event(type == null ? "" : type, data));
          }

          @Override
          public void onClosed(EventSource source) {
            signals.add(new Closed());
          }

          @Override
          public void onFailure(EventSource source, @Nullable Throwable t, @Nullable Response r) {
            signals.add(new Failed(t == null ? new IOException("the event stream failed") : t));
          }
        });
      }
    });
    return call;
  }

  void logEvent(Event e) {
    log.event(e.type(), e.data());
  }

  private static boolean isEventStream(Response response) {
    MediaType type = response.body().contentType();
    return type != null && type.type().equals("text") && type.subtype().equals("event-stream");
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

  static BlockingQueue<Signal> newQueue() {
    return new LinkedBlockingQueue<>();
  }
}
