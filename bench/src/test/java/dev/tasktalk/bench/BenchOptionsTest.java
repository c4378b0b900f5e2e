package dev.tasktalk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void withoutArguments_everyScenarioRunsAtTheIssuesSizes() {
    Bench.Options options = Bench.Options.parse();

    assertThat(options.list("scenarios"))
        .containsExactly("first-token", "tool", "concurrent", "store");
    assertThat(options.list("streams")).containsExactly("100", "500", "1000");
    assertThat(options.number("turns")).isEqualTo(200);
    assertThat(options.number("threads") * options.number("items-per-thread")).isEqualTo(1_000_000);
  }

  @Test
  void optionsOverrideTheDefaults_andFlagsTakeNoValue() {
    Bench.Options options = Bench.Options.parse("--streams", "10,20", "--profile", "--turns", "5");

    assertThat(options.list("streams")).containsExactly("10", "20");
    assertThat(options.get("profile")).isEqualTo("true");
    assertThat(options.number("turns")).isEqualTo(5);
  }

  @Test
  void anUnknownOption_orAMissingValue_isRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> Bench.Options.parse("--stream", "10"))
        .hasMessageContaining("unknown option --stream")
        .hasMessageContaining("streams");
    assertThatThrownBy(() -> Bench.Options.parse("--turns"))
        .hasMessageContaining("--turns needs a value");
  }
}
