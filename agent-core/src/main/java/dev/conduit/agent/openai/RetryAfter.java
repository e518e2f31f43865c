package dev.conduit.agent.openai;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads how long the server asked us to wait: {@code Retry-After-Ms} (float milliseconds) first,
 * then {@code Retry-After} as float seconds or an HTTP date, as the official SDKs do. Anything that
 * is not a finite positive delay (garbage, {@code inf}, {@code nan}, {@code 0}, negative, a past
 * date) gives empty, and the caller falls back to exponential backoff.
 */
final class RetryAfter {
  private static final double MAX_MILLIS = Duration.ofDays(365).toMillis();

  private RetryAfter() {}

  static Optional<Duration> parse(Headers headers, Clock clock) {
    String ms = headers.get("retry-after-ms");
    if (ms != null) {
      Optional<Duration> d = number(ms, 1);
      if (d.isPresent()) {
        return d;
      }
    }
    String value = headers.get("retry-after");
    if (value == null) {
      return Optional.empty();
    }
    Optional<Duration> seconds = number(value, 1000);
    return seconds.isPresent() ? seconds : date(value, clock);
  }

  private static Optional<Duration> number(String text, double millisPerUnit) {
    String t = text.trim();
    // Double.parseDouble also takes "Infinity", "NaN" and hex floats: only plain decimals count.
    if (t.isEmpty() || t.length() > 20 || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
      return Optional.empty();
    }
    double millis = Double.parseDouble(t) * millisPerUnit;
    if (!(millis > 0) || millis > MAX_MILLIS) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) (millis * 1_000_000)));
  }

  private static Optional<Duration> date(String text, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
