package dev.tasktalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads a group of Linux processes from /proc while a scenario runs: CPU seconds used between
 * {@link #start()} and {@link #stop()} and the largest resident memory seen (sampled every 200 ms,
 * or every second for PSS).
 */
final class ProcessMeter {

  /** Linux's USER_HZ: /proc/[pid]/stat counts CPU time in hundredths of a second. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Supplier<List<Long>> pids;
  private final boolean proportional;
  private ScheduledExecutorService sampler;
  private volatile long peakRssKb;
  private long startTicks;
  private long startNanos;

  /** What the group used over one scenario. */
  record Usage(double cpuSeconds, double wallSeconds, long peakRssKb) {

    /** Average cores busy: 1.0 is one core all the time. */
    double cores() {
      return wallSeconds == 0 ? 0 : cpuSeconds / wallSeconds;
    }

    String summary() {
      return String.format(
          "CPU %.2f cores (%.1f s over %.1f s), peak memory %d MB",
          cores(), cpuSeconds, wallSeconds, peakRssKb / 1024);
    }
  }

  /**
   * {@code pids} is asked at every sample, so processes that come and go are counted. With {@code
   * proportional} memory is PSS, which shares shared memory out among the processes instead of
   * counting it once per process: right for PostgreSQL, whose backends all map shared buffers.
   */
  ProcessMeter(Supplier<List<Long>> pids, boolean proportional) {
    this.pids = pids;
    this.proportional = proportional;
  }

  /** PSS makes the kernel walk every page table: sampled less often, or the meter costs a core. */
  private long intervalMillis() {
    return proportional ? 1000 : 200;
  }

  void start() {
    peakRssKb = 0;
    startTicks = ticks();
    startNanos = System.nanoTime();
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "process-meter");
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduleAtFixedRate(this::sample, 0, intervalMillis(), TimeUnit.MILLISECONDS);
  }

  Usage stop() {
    sampler.shutdownNow();
    sample();
    double wall = (System.nanoTime() - startNanos) / 1e9;
    return new Usage((ticks() - startTicks) / TICKS_PER_SECOND, wall, peakRssKb);
  }

  /** Resident memory of the group now, in kB. */
  long rssKb() {
    return pids.get().stream().mapToLong(pid -> proportional ? pssKb(pid) : rssKb(pid)).sum();
  }

  private void sample() {
    peakRssKb = Math.max(peakRssKb, rssKb());
  }

  private long ticks() {
    return pids.get().stream().mapToLong(ProcessMeter::ticks).sum();
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name may hold spaces: fields are counted after its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
    } catch (IOException | RuntimeException e) {
      return 0; // the process has gone
    }
  }

  static long rssKb(long pid) {
    return kb(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
  }

  static long pssKb(long pid) {
    return kb(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
  }

  private static long kb(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has gone
    }
    return 0;
  }
}
