package dev.tasktalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures as they are measured: printed at once and kept for the closing summary. */
final class Report {

  private final List<String> lines = new ArrayList<>();
  private final List<String> figures = new ArrayList<>();
  private final List<String> facts = new ArrayList<>();
  private String section = "";

  void section(String title) {
    section = title;
    add("");
    add("## " + title);
  }

  void line(String text) {
    add(text);
  }

  /** A headline figure, with the budget it is held to when there is one. */
  void figure(String name, double p50, double p99, String target) {
    String text = String.format("%s: p50 %s ms, p99 %s ms", name, Samples.ms(p50), Samples.ms(p99));
    add(text + (target == null ? "" : "   [target " + target + "]"));
    figures.add(
        "| "
            + section
            + " | "
            + name
            + " | "
            + Samples.ms(p50)
            + " | "
            + Samples.ms(p99)
            + " | "
            + (target == null ? "" : target)
            + " |");
  }

  /** A headline figure that is not a latency. */
  void fact(String name, String value, String target) {
    add(name + ": " + value + (target == null ? "" : "   [target " + target + "]"));
    facts.add(
        "| "
            + section
            + " | "
            + name
            + " | "
            + value
            + " | "
            + (target == null ? "" : target)
            + " |");
  }

  void write(Path file) throws IOException {
    List<String> out = new ArrayList<>(lines);
    out.add("");
    out.add("## Summary");
    out.add("| scenario | figure | p50 ms | p99 ms | target |");
    out.add("|---|---|---|---|---|");
    out.addAll(figures);
    out.add("");
    out.add("| scenario | figure | value | target |");
    out.add("|---|---|---|---|");
    out.addAll(facts);
    Files.write(file, out);
  }

  private void add(String text) {
    lines.add(text);
    System.out.println(text);
    System.out.flush();
  }
}
