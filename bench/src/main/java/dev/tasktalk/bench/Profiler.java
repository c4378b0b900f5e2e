package dev.tasktalk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU profile of the server during one scenario: Java Flight Recorder started and stopped in the
 * Payara process with jcmd, then its execution samples counted by the method on top of the stack
 * and by the first of our own methods below it.
 */
final class Profiler {

  private final long pid;
  private final Path file;

  private Profiler(long pid, Path file) {
    this.pid = pid;
    this.file = file;
  }

  static Profiler start(long pid, Path file) throws IOException, InterruptedException {
    jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    return new Profiler(pid, file);
  }

  /** Stops the recording and returns the report's lines. */
  List<String> stop(int top) throws IOException, InterruptedException {
    jcmd(pid, "JFR.stop", "name=bench");
    return summarise(file, top);
  }

  static List<String> summarise(Path recording, int top) throws IOException {
    Map<String, Integer> selfCounts = new HashMap<>();
    Map<String, Integer> ownCounts = new HashMap<>();
    Map<String, Integer> blockedMs = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      String type = event.getEventType().getName();
      if (BLOCKING.contains(type) && event.getStackTrace() != null) {
        blockedMs.merge(
            type.substring(4) + " at " + site(event.getStackTrace().getFrames()),
            (int) event.getDuration().toMillis(),
            Integer::sum);
        continue;
      }
      if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      selfCounts.merge(name(frames.get(0)), 1, Integer::sum);
      frames.stream()
          .filter(f -> f.getMethod().getType().getName().startsWith("dev.tasktalk."))
          .findFirst()
          .ifPresentOrElse(
              f -> ownCounts.merge(name(f), 1, Integer::sum),
              () ->
                  ownCounts.merge(
                      "(no Tasktalk frame: container, JDK or library threads)", 1, Integer::sum));
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "CPU samples: " + samples + " (JFR jdk.ExecutionSample, " + recording.getFileName() + ")");
    lines.add("Hottest methods (self):");
    lines.addAll(top(selfCounts, samples, top));
    lines.add("By the first Tasktalk method on the stack:");
    lines.addAll(top(ownCounts, samples, top));
    lines.add(
        "Waiting longer than 10 ms (monitor, park, socket read, file write), total ms by place:");
    blockedMs.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> lines.add(String.format("  %8d ms  %s", e.getValue(), e.getKey())));
    return lines;
  }

  private static List<String> top(Map<String, Integer> counts, int samples, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(
            e ->
                String.format(
                    "  %5.1f%%  %s", 100.0 * e.getValue() / Math.max(samples, 1), e.getKey()))
        .toList();
  }

  private static final java.util.Set<String> BLOCKING =
      java.util.Set.of(
          "jdk.JavaMonitorEnter",
          "jdk.ThreadPark",
          "jdk.SocketRead",
          "jdk.FileWrite",
          "jdk.FileForce",
          "jdk.JavaMonitorWait");

  /**
   * The top frame and the first Tasktalk frame below it: what waited, and for which of our calls.
   */
  private static String site(List<RecordedFrame> frames) {
    if (frames.isEmpty()) {
      return "?";
    }
    String own =
        frames.stream()
            .filter(f -> f.getMethod().getType().getName().startsWith("dev.tasktalk."))
            .findFirst()
            .map(f -> name(f) + ":" + f.getLineNumber())
            .orElse("no Tasktalk frame");
    RecordedFrame caller =
        frames.stream()
            .filter(
                f ->
                    !f.getMethod().getType().getName().startsWith("java.")
                        && !f.getMethod().getType().getName().startsWith("jdk.")
                        && !f.getMethod().getType().getName().startsWith("sun."))
            .findFirst()
            .orElse(frames.get(0));
    return name(caller) + " ← " + own;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
    }
  }
}
