package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.LanguageModelException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy POLICY = RetryPolicy.defaults(2);
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final LanguageModelException RETRYABLE =
      new LanguageModelException(Kind.SERVER, true, "x");
  private static final LanguageModelException FINAL =
      new LanguageModelException(Kind.BAD_REQUEST, false, "x");

  @Test
  void backoff_doublesFromHalfASecond_upToEightSeconds_withUpToAQuarterJitter() {
    for (int i = 0; i < 50; i++) {
      assertThat(POLICY.backoff(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
      assertThat(POLICY.backoff(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
      assertThat(POLICY.backoff(10)).isBetween(Duration.ofMillis(6000), Duration.ofMillis(8000));
    }
  }

  @Test
  void delay_prefersRetryAfterMs_thenRetryAfterSecondsOrDate() {
    assertThat(POLICY.delay(0, Headers.of("retry-after-ms", "1200", "retry-after", "9"), NOW))
        .isEqualTo(Duration.ofMillis(1200));
    assertThat(POLICY.delay(0, Headers.of("retry-after", "3"), NOW))
        .isEqualTo(Duration.ofSeconds(3));
    String inFiveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atOffset(ZoneOffset.UTC));
    assertThat(POLICY.delay(0, Headers.of("retry-after", inFiveSeconds), NOW))
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void delay_capsLongServerDelays_andIgnoresUselessOnes() {
    assertThat(POLICY.delay(0, Headers.of("retry-after", "600"), NOW))
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(POLICY.delay(0, Headers.of("retry-after", "0"), NOW))
        .isLessThanOrEqualTo(Duration.ofMillis(500));
    assertThat(POLICY.delay(0, Headers.of("retry-after", "soon"), NOW))
        .isLessThanOrEqualTo(Duration.ofMillis(500));
    String past =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(5).atOffset(ZoneOffset.UTC));
    assertThat(POLICY.delay(0, Headers.of("retry-after", past), NOW))
        .isLessThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void worthRetrying_letsXShouldRetryOverrideTheStatus() {
    assertThat(POLICY.worthRetrying(Headers.of(), RETRYABLE)).isTrue();
    assertThat(POLICY.worthRetrying(Headers.of(), FINAL)).isFalse();
    assertThat(POLICY.worthRetrying(Headers.of("x-should-retry", "false"), RETRYABLE)).isFalse();
    assertThat(POLICY.worthRetrying(Headers.of("x-should-retry", "true"), FINAL)).isTrue();
  }

  @Test
  void canRetry_countsUpToTheMaximum() {
    assertThat(POLICY.canRetry(0)).isTrue();
    assertThat(POLICY.canRetry(1)).isTrue();
    assertThat(POLICY.canRetry(2)).isFalse();
  }
}
