package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;

/**
 * When and how long to wait before trying a model call again, the way OpenAI's SDK does: the
 * server's {@code x-should-retry} wins, else 408/409/429/5xx and connection failures; the delay is
 * the server's {@code retry-after-ms}/{@code retry-after} (capped), else exponential backoff with
 * jitter.
 */
record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxServerDelay) {

  private static final double MAX_JITTER = 0.25;

  static RetryPolicy defaults(int maxRetries) {
    return new RetryPolicy(
        maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(20));
  }

  boolean canRetry(int retriesSoFar) {
    return retriesSoFar < maxRetries;
  }

  /** Whether an HTTP failure is worth another try; {@code failure} says what its status means. */
  boolean worthRetrying(Headers headers, LanguageModelException failure) {
    String should = headers.get("x-should-retry");
    if ("true".equalsIgnoreCase(should)) {
      return true;
    }
    return !"false".equalsIgnoreCase(should) && failure.retryable();
  }

  Duration delay(int retriesSoFar, Headers headers, Instant now) {
    return serverDelay(headers, now).orElseGet(() -> backoff(retriesSoFar));
  }

  /**
   * 0.5 s, 1 s, 2 s … up to the maximum, each shortened by up to a quarter so clients spread out.
   */
  Duration backoff(int retriesSoFar) {
    long exponential = initialBackoff.toMillis() << Math.min(retriesSoFar, 20);
    long capped = Math.min(exponential, maxBackoff.toMillis());
    double jitter = 1 - ThreadLocalRandom.current().nextDouble() * MAX_JITTER;
    return Duration.ofMillis(Math.round(capped * jitter));
  }

  private Optional<Duration> serverDelay(Headers headers, Instant now) {
    return milliseconds(headers.get("retry-after-ms"))
        .or(() -> retryAfter(headers.get("retry-after"), now))
        .filter(delay -> !delay.isNegative() && !delay.isZero())
        // A server asking for minutes would stall the chat; wait the cap and let it answer again.
        .map(delay -> delay.compareTo(maxServerDelay) > 0 ? maxServerDelay : delay);
  }

  private static Optional<Duration> milliseconds(String value) {
    try {
      return value == null
          ? Optional.empty()
          : Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Seconds (possibly fractional) or an HTTP date. */
  private static Optional<Duration> retryAfter(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(Duration.between(now, at));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
