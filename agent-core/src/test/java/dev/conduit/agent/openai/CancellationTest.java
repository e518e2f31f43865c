package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conduit.agent.model.ModelResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Interrupting the calling thread cancels the HTTP call and releases its connection. */
@Timeout(20)
class CancellationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final OkHttpClient shared = new OkHttpClient();
  final ExecutorService caller = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    caller.shutdownNow();
  }

  private OpenAiClient client() {
    return Wire.client(server, Endpoint.CHAT_COMPLETIONS).httpClient(shared).build();
  }

  private static Throwable causeOf(Future<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected the call to fail");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void interruptingCompleteCancelsTheCallAndThrowsInterruptedException() throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("{}").build());
    Thread[] worker = new Thread[1];
    Future<?> call = caller.submit(() -> {
      worker[0] = Thread.currentThread();
      return client().complete(Requests.simple("?"));
    });
    server.takeRequest(5, TimeUnit.SECONDS); // the request is in flight

    worker[0].interrupt();

    assertThat(causeOf(call)).isInstanceOf(InterruptedException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> shared.dispatcher().runningCallsCount() == 0);
    assertThat(server.getRequestCount()).isEqualTo(1); // not retried
  }

  @Test
  void interruptingAStreamAfterTheFirstDeltaCancelsIt() throws Exception {
    StringBuilder slow = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      slow.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w").append(i).append(" \"}}]}\n\n");
    }
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(slow.toString())
        .throttleBody(60, 1, TimeUnit.SECONDS).build());
    CountDownLatch firstDelta = new CountDownLatch(1);
    RecordingListener listener = new RecordingListener() {
      @Override
      public void onTextDelta(String delta) {
        super.onTextDelta(delta);
        firstDelta.countDown();
      }
    };
    Thread[] worker = new Thread[1];
    Future<?> call = caller.submit(() -> {
      worker[0] = Thread.currentThread();
      return client().stream(Requests.simple("?"), listener);
    });
    assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();

    worker[0].interrupt();

    assertThat(causeOf(call)).isInstanceOf(InterruptedException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> shared.dispatcher().runningCallsCount() == 0);
    assertThat(listener.events.size()).isLessThan(50);
  }

  @Test
  void interruptingCompleteCancelsTheCallAlsoWithTheCallersOwnSocketFactory() throws Exception {
    // A factory Conduit cannot make interruptible: the exchange moves to OkHttp's threads instead.
    OkHttpClient own = shared.newBuilder().socketFactory(new DelegatingSocketFactory(SocketFactory.getDefault())).build();
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("{}").build());
    Thread[] worker = new Thread[1];
    Future<?> call = caller.submit(() -> {
      worker[0] = Thread.currentThread();
      return Wire.client(server, Endpoint.CHAT_COMPLETIONS).httpClient(own).build().complete(Requests.simple("?"));
    });
    server.takeRequest(5, TimeUnit.SECONDS);

    worker[0].interrupt();

    assertThat(causeOf(call)).isInstanceOf(InterruptedException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> own.dispatcher().runningCallsCount() == 0);
  }

  @Test
  void theExchangeRunsOnTheCallersOwnThreadStreamedOrNot() throws Exception {
    List<Thread> exchangeThreads = new CopyOnWriteArrayList<>();
    OkHttpClient recording = shared.newBuilder().addInterceptor(chain -> {
      exchangeThreads.add(Thread.currentThread());
      return chain.proceed(chain.request());
    }).build();
    server.enqueue(Wire.ok(Wire.resource("recorded/chat_completion_tool_calls.response.json")));
    server.enqueue(Wire.sse(Wire.resource("recorded/chat_completion_stream_text.sse")));
    OpenAiClient client = Wire.client(server, Endpoint.CHAT_COMPLETIONS).httpClient(recording).build();
    List<Thread> deltaThreads = new CopyOnWriteArrayList<>();

    Thread callerThread = caller.submit(() -> {
      client.complete(Requests.simple("?"));
      client.stream(Requests.simple("?"), new RecordingListener() {
        @Override
        public void onTextDelta(String delta) {
          deltaThreads.add(Thread.currentThread());
        }
      });
      return Thread.currentThread();
    }).get(10, TimeUnit.SECONDS);

    assertThat(exchangeThreads).containsExactly(callerThread, callerThread);
    assertThat(deltaThreads).isNotEmpty().containsOnly(callerThread);
  }

  @Test
  void aStreamHeldOpenAfterItsEndMarkerStillAnswersAtOnceAndLeavesNoConnectionBehind() throws Exception {
    byte[] events = Wire.resource("recorded/chat_completion_stream_text.sse").getBytes(StandardCharsets.UTF_8);
    CountDownLatch released = new CountDownLatch(1);
    MockResponseBody heldOpen = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(events); // ends with [DONE], then the server neither sends nor closes
        sink.flush();
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(heldOpen).build());
    OpenAiClient client = Wire.client(server, Endpoint.CHAT_COMPLETIONS).httpClient(shared)
        .streamIdleTimeout(Duration.ofSeconds(60)).build();

    ModelResponse answer = client.stream(Requests.simple("?"), new RecordingListener()); // not held for 30 or 60 s

    assertThat(answer.message().text()).isNotEmpty();
    released.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> shared.connectionPool().connectionCount() == 0);
  }

  @Test
  void aFinishedStreamLeavesNoRunningCall() throws Exception {
    server.enqueue(Wire.sse(Wire.resource("recorded/chat_completion_stream_text.sse")));

    client().stream(Requests.simple("?"), new RecordingListener());

    await().atMost(Duration.ofSeconds(5)).until(() -> shared.dispatcher().runningCallsCount() == 0);
    assertThat(shared.connectionPool().connectionCount()).isEqualTo(1); // kept for reuse, not leaked open
  }

  /** A socket factory of the caller's own, as a proxy or unix-socket library would bring. */
  static final class DelegatingSocketFactory extends SocketFactory {
    private final SocketFactory delegate;

    DelegatingSocketFactory(SocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Socket createSocket() throws IOException {
      return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }
}
