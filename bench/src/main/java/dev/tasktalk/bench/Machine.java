package dev.tasktalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine the figures come from. */
final class Machine {

  private Machine() {}

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    long memoryKb =
        firstValue(Path.of("/proc/meminfo"), "MemTotal")
            .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")))
            .orElse(0L);
    return String.format(
        "Machine: %d cores (%s), %d GB RAM, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memoryKb / 1024 / 1024,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
