package dev.conduit.agent.openai;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.model.ModelClient;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelStreamListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ModelClient} for OpenAI and OpenAI-compatible gateways, over Chat Completions or
 * Responses, streamed or not, with the official SDKs' retry policy and an optional fallback base URL.
 *
 * <pre>{@code
 * OpenAiClient client = OpenAiClient.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))           // required, never printed
 *     .baseUrl("https://api.openai.com/v1")              // any OpenAI-compatible gateway
 *     .fallbackBaseUrl("https://backup.example.com/v1")  // optional
 *     .endpoint(Endpoint.RESPONSES)                      // or Endpoint.CHAT_COMPLETIONS
 *     .build();
 * ModelResponse response = client.complete(new ModelRequest("gpt-5.1", messages, tools, settings));
 * }</pre>
 *
 * <p><b>Retries.</b> Up to {@code maxRetries} (default 2) retries on 408, 409, 429, 5xx, connection
 * failures and timeouts, with backoff {@code min(0.5·2^n, 8) s} times a jitter of 0.75–1; {@code
 * x-should-retry} is obeyed first; {@code Retry-After-Ms}/{@code Retry-After} are honoured up to
 * {@code maxRetryAfter} (default 60 s), and a longer wait fails fast with {@code
 * RateLimitedException}. Quota and billing 429s ({@code insufficient_quota}, ...) are never retried.
 * Each attempt carries {@code X-Conduit-Retry-Count: n} (0 for the first attempt, counted over the
 * whole call including the fallback) unless the caller set that header, and, when {@code
 * idempotencyHeader} names one, the call's one idempotency key. When the primary base URL has
 * spent its retries on a retryable failure (or asked for a wait above the cap), the same request goes
 * through the same policy once to {@code fallbackBaseUrl}; caller errors (400, 401, 403, 404, 422)
 * never fail over. A stream is never retried once output was passed to the listener.
 *
 * <p><b>Timeouts.</b> Connect (default 5 s); per attempt (default 10 min), which for a stream lasts
 * until its first byte; stream idle (default 5 min): the longest silence inside a stream.
 *
 * <p><b>Threads and cancellation.</b> Immutable and safe to share; one instance per configuration is
 * enough. Both {@link #complete} and {@link #stream} wait interruptibly: interrupting the calling
 * thread cancels the HTTP call, releases its connection and throws {@link InterruptedException}.
 * Listener methods run on the calling thread, in order. No shutdown is needed.
 *
 * <p><b>Secrets and logs.</b> The key never appears in {@code toString}, logs or exception messages.
 * Logger {@code dev.conduit.agent.openai.OpenAiClient} writes one DEBUG line per attempt; headers
 * (credentials redacted) and bodies only at TRACE.
 */
public final class OpenAiClient implements ModelClient {
  static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiClient.class);

  private final Builder builder;
  private final ClientConfig config;
  private final ModelCalls calls;

  private OpenAiClient(Builder builder, ClientConfig config, OkHttpClient http) {
    this.builder = builder.copy();
    this.config = config;
    HttpTransport transport = new HttpTransport(http, config, new HttpLog(builder.logger, config.apiKey()));
    List<HttpUrl> baseUrls = config.fallbackBaseUrl().isPresent()
        ? List.of(config.baseUrl(), config.fallbackBaseUrl().get())
        : List.of(config.baseUrl());
    RetryingCaller retrying = new RetryingCaller(baseUrls, config.maxRetries(), config.maxRetryAfter(), builder.sleeper);
    this.calls = new ModelCalls(config, transport, retrying, builder.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this client's settings, sharing its connection pool. */
  public Builder toBuilder() {
    return builder.copy();
  }

  @Override
  public ModelResponse complete(ModelRequest request) throws InterruptedException {
    return calls.complete(requireNonNull(request, "request"));
  }

  @Override
  public ModelResponse stream(ModelRequest request, ModelStreamListener listener) throws InterruptedException {
    return calls.stream(requireNonNull(request, "request"), requireNonNull(listener, "listener"));
  }

  /** The request body this client would send, for tests. */
  byte[] requestBody(ModelRequest request, boolean stream) {
    return calls.encode(request, stream);
  }

  @Override
  public String toString() {
    return "OpenAiClient[" + config + "]";
  }

  /**
   * Configures an {@link OpenAiClient}. {@link #build()} checks everything and names the fix for
   * each problem. Not thread-safe; the client it builds is.
   */
  public static final class Builder {
    private Optional<String> apiKey = Optional.empty();
    private String baseUrl = DEFAULT_BASE_URL;
    private Optional<String> fallbackBaseUrl = Optional.empty();
    private Endpoint endpoint = Endpoint.CHAT_COMPLETIONS;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration attemptTimeout = Duration.ofMinutes(10);
    private Duration streamIdleTimeout = Duration.ofMinutes(5);
    private int maxRetries = 2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Map<String, String> headers = new LinkedHashMap<>();
    private Optional<String> idempotencyHeader = Optional.empty();
    private long maxResponseBytes = 32L * 1024 * 1024;
    private long maxEventBytes = 8L * 1024 * 1024;
    private Optional<OkHttpClient> httpClient = Optional.empty();
    private Sleeper sleeper = Sleeper.REAL;
    private Clock clock = Clock.systemUTC();
    private Logger logger = LOG;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.apiKey = apiKey;
      b.baseUrl = baseUrl;
      b.fallbackBaseUrl = fallbackBaseUrl;
      b.endpoint = endpoint;
      b.connectTimeout = connectTimeout;
      b.attemptTimeout = attemptTimeout;
      b.streamIdleTimeout = streamIdleTimeout;
      b.maxRetries = maxRetries;
      b.maxRetryAfter = maxRetryAfter;
      b.headers = new LinkedHashMap<>(headers);
      b.idempotencyHeader = idempotencyHeader;
      b.maxResponseBytes = maxResponseBytes;
      b.maxEventBytes = maxEventBytes;
      b.httpClient = httpClient;
      b.sleeper = sleeper;
      b.clock = clock;
      b.logger = logger;
      return b;
    }

    /** Required. Sent as {@code Authorization: Bearer ...}; never printed. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Optional.ofNullable(apiKey);
      return this;
    }

    /** Default {@code https://api.openai.com/v1}; any OpenAI-compatible gateway's base URL, taken as given. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Tried with the same policy once the base URL has spent its retries on a retryable failure. */
    public Builder fallbackBaseUrl(String fallbackBaseUrl) {
      this.fallbackBaseUrl = Optional.of(requireNonNull(fallbackBaseUrl, "fallbackBaseUrl"));
      return this;
    }

    /** Default {@link Endpoint#CHAT_COMPLETIONS}. */
    public Builder endpoint(Endpoint endpoint) {
      this.endpoint = requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Default 5 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** Default 10 min: one whole non-streamed attempt, or a stream until its first byte. */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = requireNonNull(attemptTimeout, "attemptTimeout");
      return this;
    }

    /** Default 5 min: the longest wait for the next bytes of a stream. */
    public Builder streamIdleTimeout(Duration streamIdleTimeout) {
      this.streamIdleTimeout = requireNonNull(streamIdleTimeout, "streamIdleTimeout");
      return this;
    }

    /** Default 2: three attempts per base URL. 0 disables retries. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** Default 60 s: the longest {@code Retry-After} honoured; a longer one fails fast. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = requireNonNull(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** An extra header on every request, e.g. a gateway's routing or tenant header. */
    public Builder header(String name, String value) {
      headers.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Off by default (OpenAI's API reads no such header). Names a header, say {@code Idempotency-Key},
     * that gets one key per model call, {@code conduit-retry-<uuid>}, sent unchanged on every retry of
     * that call and on its fallback, so a gateway that deduplicates by it runs a retried call once.
     *
     * <pre>{@code
     * OpenAiClient client = OpenAiClient.builder().apiKey(key).baseUrl(gateway)
     *     .idempotencyHeader("Idempotency-Key").build();
     * }</pre>
     */
    public Builder idempotencyHeader(String name) {
      this.idempotencyHeader = Optional.of(requireNonNull(name, "name"));
      return this;
    }

    /** Default 32 MiB: the most bytes one response or stream may have. */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Default 8 MiB: the most bytes one SSE event may have. */
    public Builder maxEventBytes(long maxEventBytes) {
      this.maxEventBytes = maxEventBytes;
      return this;
    }

    /**
     * An {@code OkHttpClient} whose connection pool, dispatcher and interceptors to share. The
     * client's timeouts and retry settings are applied on a derived client; the given one is unchanged.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Optional.of(requireNonNull(httpClient, "httpClient"));
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    Builder logger(Logger logger) {
      this.logger = requireNonNull(logger, "logger");
      return this;
    }

    public OpenAiClient build() {
      ApiKey key = ApiKey.of(apiKey.orElse(null));
      HttpUrl base = BaseUrls.parse("baseUrl", baseUrl);
      Optional<HttpUrl> fallback = fallbackBaseUrl.map(f -> BaseUrls.parse("fallbackBaseUrl", f));
      positive("connectTimeout", connectTimeout);
      positive("attemptTimeout", attemptTimeout);
      positive("streamIdleTimeout", streamIdleTimeout);
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
      }
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter cannot be negative, got " + maxRetryAfter);
      }
      if (maxResponseBytes < 1024 || maxEventBytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes and maxEventBytes must be at least 1024");
      }
      headers.forEach(BaseUrls::checkHeader);
      idempotencyHeader.ifPresent(name -> {
        BaseUrls.checkHeader(name, "");
        if (headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
          throw new IllegalArgumentException("header " + name + " is set both with header(...) and as the "
              + "idempotencyHeader: one fixed value would defeat a key per call; keep one of the two");
        }
      });
      ClientConfig config = new ClientConfig(key, base, fallback, endpoint, connectTimeout, attemptTimeout,
          streamIdleTimeout, maxRetries, maxRetryAfter, Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
          maxResponseBytes, maxEventBytes, idempotencyHeader);
      OkHttpClient http = httpClient.orElseGet(Builder::defaultHttpClient);
      httpClient = Optional.of(http); // toBuilder() shares the pool
      return new OpenAiClient(this, config, http);
    }

    private static void positive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
    }

    private static OkHttpClient defaultHttpClient() {
      // OkHttp's defaults (5 idle connections) would close and reopen the connections of a busy
      // backend's concurrent runs. Calls run on the caller's thread (HttpTransport), so the
      // dispatcher only serves a caller's own client; its caps are lifted so it never queues a run.
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(4096);
      dispatcher.setMaxRequestsPerHost(4096);
      return new OkHttpClient.Builder()
          .dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(256, 5, TimeUnit.MINUTES))
          .build();
    }
  }
}
