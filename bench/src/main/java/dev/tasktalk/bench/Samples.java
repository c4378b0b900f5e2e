package dev.tasktalk.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * A set of measured durations in nanoseconds, read as percentiles in milliseconds. Percentiles use
 * the nearest-rank method, so p99 of 200 samples is the second largest one.
 */
final class Samples {

  private final long[] sorted;

  private Samples(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  static Samples of(Collection<Long> nanos) {
    return new Samples(nanos.stream().mapToLong(Long::longValue).toArray());
  }

  static Samples of(long... nanos) {
    return new Samples(nanos);
  }

  int count() {
    return sorted.length;
  }

  /** The value at percentile {@code p} (0 < p ≤ 100), in milliseconds; NaN when empty. */
  double percentileMs(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1] / 1e6;
  }

  double p50() {
    return percentileMs(50);
  }

  double p99() {
    return percentileMs(99);
  }

  double maxMs() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
  }

  /** "p50 1.23 ms · p99 4.56 ms (n=200)". */
  String summary() {
    return String.format(
        "p50 %s ms · p99 %s ms · max %s ms (n=%d)",
        ms(p50()), ms(p99()), ms(maxMs()), sorted.length);
  }

  static String ms(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return value < 10 ? String.format("%.2f", value) : String.format("%.1f", value);
  }
}
