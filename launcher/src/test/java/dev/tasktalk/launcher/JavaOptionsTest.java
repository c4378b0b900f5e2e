package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaOptionsTest {

  private static Settings with(Map<String, String> environment) {
    return new Settings(environment, Map.of());
  }

  @Test
  void withoutJavaOpts_payaraGetsTheDefaultHeapLimit() {
    assertThat(JavaOptions.forPayara(with(Map.of()))).containsExactly("-Xmx512m");
  }

  @Test
  void javaOpts_arePassedInOrder_withTheDefaultHeapFirst() {
    assertThat(JavaOptions.forPayara(with(Map.of("JAVA_OPTS", "  -XX:+UseSerialGC   -Dx=1 "))))
        .containsExactly("-Xmx512m", "-XX:+UseSerialGC", "-Dx=1");
  }

  @Test
  void aHeapLimitInJavaOpts_replacesTheDefault() {
    assertThat(JavaOptions.forPayara(with(Map.of("JAVA_OPTS", "-Xmx2g"))))
        .containsExactly("-Xmx2g");
    assertThat(JavaOptions.forPayara(with(Map.of("JAVA_OPTS", "-XX:MaxRAMPercentage=50"))))
        .containsExactly("-XX:MaxRAMPercentage=50");
  }
}
