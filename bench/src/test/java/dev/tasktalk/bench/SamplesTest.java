package dev.tasktalk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private static final long MS = 1_000_000;

  @Test
  void percentiles_useTheNearestRank_soP99Of200IsTheSecondLargest() {
    List<Long> values = new ArrayList<>();
    for (long i = 200; i >= 1; i--) {
      values.add(i * MS); // unsorted on purpose
    }

    Samples samples = Samples.of(values);

    assertThat(samples.p50()).isEqualTo(100.0);
    assertThat(samples.p99()).isEqualTo(198.0);
    assertThat(samples.maxMs()).isEqualTo(200.0);
    assertThat(samples.count()).isEqualTo(200);
  }

  @Test
  void aSingleValue_isEveryPercentile() {
    Samples samples = Samples.of(3 * MS);

    assertThat(samples.percentileMs(1)).isEqualTo(3.0);
    assertThat(samples.p99()).isEqualTo(3.0);
  }

  @Test
  void noValues_giveNoFigure_insteadOfZero() {
    Samples samples = Samples.of();

    assertThat(samples.p50()).isNaN();
    assertThat(samples.summary()).contains("p50 – ms").contains("n=0");
  }

  @Test
  void aPercentileOutsideTheRange_isRefused() {
    assertThatThrownBy(() -> Samples.of(1).percentileMs(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Samples.of(1).percentileMs(101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
