package dev.conduit.agent.openai;

import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelConnectionException;
import dev.conduit.agent.model.ModelException;
import dev.conduit.agent.model.ModelTimeoutException;
import dev.conduit.agent.model.RateLimitedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;

/**
 * The retry and failover policy of the official SDKs (RELIABILITY.md a1): up to {@code maxRetries}
 * retries on 408/409/429/5xx and connection failures, {@code x-should-retry} obeyed first, backoff
 * {@code min(0.5·2^n, 8) s × [0.75, 1]}, {@code Retry-After} honoured up to a cap. When the primary
 * base URL has spent its retries on a retryable failure, the same request goes once through the same
 * policy to the fallback. Caller errors (400, 401, 403, 404, 422) and quota errors never fail over.
 */
final class RetryingCaller {
  /** One HTTP attempt against {@code baseUrl}; {@code attempt} counts from 0 over the whole call. */
  interface Attempt<T> {
    T run(HttpUrl baseUrl, int attempt) throws IOException, HttpFailure, InterruptedException;
  }

  private final List<HttpUrl> baseUrls;
  private final int maxRetries;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  RetryingCaller(List<HttpUrl> baseUrls, int maxRetries, Duration maxRetryAfter, Sleeper sleeper, DoubleSupplier random) {
    this.baseUrls = List.copyOf(baseUrls);
    this.maxRetries = maxRetries;
    this.maxRetryAfter = maxRetryAfter;
    this.sleeper = sleeper;
    this.random = random;
  }

  RetryingCaller(List<HttpUrl> baseUrls, int maxRetries, Duration maxRetryAfter, Sleeper sleeper) {
    this(baseUrls, maxRetries, maxRetryAfter, sleeper, () -> ThreadLocalRandom.current().nextDouble());
  }

  <T> T call(Attempt<T> attempt) throws InterruptedException {
    int attempts = 0;
    HttpFailure lastHttp = null;
    IOException lastIo = null;
    for (HttpUrl baseUrl : baseUrls) {
      for (int retry = 0; ; retry++) {
        try {
          return attempt.run(baseUrl, attempts++);
        } catch (HttpFailure f) {
          if (!f.retryable()) {
            throw f.exception();
          }
          lastHttp = f;
          lastIo = null;
          if (f.retryAfter().filter(d -> d.compareTo(maxRetryAfter) > 0).isPresent() || retry >= maxRetries) {
            break; // to the fallback, if any
          }
          Optional<Duration> asked = f.retryAfter();
          sleeper.sleep(asked.isPresent() ? asked.get() : backoff(retry));
        } catch (IOException e) {
          lastIo = e;
          lastHttp = null;
          if (retry >= maxRetries) {
            break;
          }
          sleeper.sleep(backoff(retry));
        }
      }
    }
    throw lastHttp != null ? finalHttpFailure(lastHttp) : finalIoFailure(lastIo, attempts);
  }

  /** {@code retry} is the number of retries already made: 0 before the first retry. */
  Duration backoff(int retry) {
    double seconds = Math.min(0.5 * Math.pow(2, retry), 8.0) * (1 - 0.25 * random.getAsDouble());
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  private ModelException finalHttpFailure(HttpFailure f) {
    ModelApiException e = f.exception();
    Optional<Duration> wait = f.retryAfter().filter(d -> d.compareTo(maxRetryAfter) > 0);
    if (wait.isEmpty()) {
      return e;
    }
    String message = e.getMessage() + ". The server asked to wait " + seconds(wait.get())
        + ", more than the " + seconds(maxRetryAfter) + " cap (OpenAiClient.Builder.maxRetryAfter): not retried";
    if (e instanceof RateLimitedException r) {
      return new RateLimitedException(message, r.errorType(), r.code(), r.retryAfter(), r.requestId());
    }
    return new ModelApiException(message, e.statusCode(), e.errorType(), e.code(), e.param(), e.requestId());
  }

  private static ModelException finalIoFailure(IOException e, int attempts) {
    String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
    if (e instanceof TimedOut) {
      return new ModelTimeoutException("Timed out after " + tries + ": " + e.getMessage(), e);
    }
    return new ModelConnectionException("Could not reach the model API after " + tries + ": " + e.getMessage()
        + ". Check the baseUrl and the network", attempts, e);
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }
}
