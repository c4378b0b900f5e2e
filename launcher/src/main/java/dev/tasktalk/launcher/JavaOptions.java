package dev.tasktalk.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Payara JVM's options: {@code JAVA_OPTS} as given, plus a 512 MB heap limit unless it sets
 * one. Without a limit the JVM may take a quarter of the machine's memory and, being lazy about
 * collecting, grows far past what it needs: 2.9 GB resident at 1,000 streams on a 24 GB machine,
 * 1.0 GB with the limit, which also used less CPU (docs/benchmarks.md).
 */
final class JavaOptions {

  static final String DEFAULT_HEAP = "-Xmx512m";
  private static final List<String> HEAP_LIMITS =
      List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAMPercentage", "-XX:MaxRAM");

  private JavaOptions() {}

  static List<String> forPayara(Settings settings) {
    List<String> options = new ArrayList<>();
    settings
        .get("JAVA_OPTS")
        .ifPresent(
            value ->
                Arrays.stream(value.trim().split("\\s+"))
                    .filter(o -> !o.isEmpty())
                    .forEach(options::add));
    if (options.stream().noneMatch(o -> HEAP_LIMITS.stream().anyMatch(o::startsWith))) {
      options.add(0, DEFAULT_HEAP);
    }
    return List.copyOf(options);
  }
}
