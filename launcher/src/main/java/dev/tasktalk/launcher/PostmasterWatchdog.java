package dev.tasktalk.launcher;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Restarts the embedded PostgreSQL when its postmaster dies while the launcher runs (an OOM kill, a
 * {@code kill -9}, a crash), so a database outage lasts seconds and Payara stays up; the app's
 * connection pool reconnects by itself.
 *
 * <p>Detection: once a second the watchdog asks whether the postmaster process is still alive. The
 * postmaster is no child of the launcher (pg_ctl detaches it), so {@link ProcessHandle#onExit()}
 * would poll as well, at intervals growing to 5 s, and would count a dead process that nobody has
 * reaped yet as alive; here such a zombie counts as dead.
 *
 * <p>Restart: once the dead postmaster is reaped (PostgreSQL will not start while its old pid
 * exists), {@code pg_ctl start} on the same data directory with the options that postmaster
 * recorded in {@code postmaster.opts}: the same binary, the same port (the URL the app holds stays
 * right), the same fsync settings. That is what {@code pg_ctl restart} would run, except that
 * restart first signals the pid in the stale {@code postmaster.pid}. PostgreSQL sees that pid is
 * gone and replays its WAL, so every committed transaction is back. The launcher keeps holding
 * zonky's {@code epg-lock} meanwhile, so no other launcher takes the directory, and zonky's close
 * later stops whichever postmaster runs there.
 *
 * <p>Giving up: a start fails while children of the dead postmaster still hold its shared memory
 * (they exit on their own once they notice), so there are {@value #ATTEMPTS} attempts, 2 s and 4 s
 * apart. If all fail (a full disk, the port taken, a broken configuration, a dead postmaster that
 * is never reaped), the watchdog says so and runs its give-up action: the launcher exits non-zero,
 * so that a service manager (systemd, Kubernetes) restarts all of Tasktalk, and nobody mistakes a
 * server without its database for a working one.
 */
final class PostmasterWatchdog {

  static final int ATTEMPTS = 3;
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(2);
  private static final Duration REAP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120); // crash recovery

  private final Path directory;
  private final Path log;
  private final Runnable giveUp;
  private final ScheduledExecutorService timer;
  private ProcessHandle postmaster;
  private boolean stopped;

  private PostmasterWatchdog(Path directory, Path log, Runnable giveUp, ProcessHandle postmaster) {
    this.directory = directory;
    this.log = log;
    this.giveUp = giveUp;
    this.postmaster = postmaster;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tasktalk-postgres-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Watches the postmaster that runs in {@code directory} now; {@code log} receives pg_ctl's and
   * the server's output, and {@code giveUp} runs (on the watchdog's thread) if restarts fail.
   */
  static PostmasterWatchdog start(Path directory, Path log, Runnable giveUp) {
    ProcessHandle postmaster =
        Postmaster.find(directory)
            .orElseThrow(
                () ->
                    new LaunchException("no PostgreSQL server runs in " + directory + " to watch"));
    PostmasterWatchdog watchdog = new PostmasterWatchdog(directory, log, giveUp, postmaster);
    watchdog.timer.scheduleWithFixedDelay(
        watchdog::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return watchdog;
  }

  /**
   * No restart after this returns; a restart attempt under way finishes first, so it never races
   * with the shutdown that usually follows.
   */
  void stop() {
    synchronized (this) {
      stopped = true;
      notifyAll();
    }
    timer.shutdown();
  }

  private void check() {
    boolean restarted;
    try {
      restarted = restartIfDead();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      System.err.println("tasktalk: the PostgreSQL watchdog failed: " + e);
      restarted = false;
    }
    if (!restarted) {
      timer.shutdown();
      giveUp.run(); // outside the monitor: it may exit the JVM, whose shutdown calls stop()
    }
  }

  /** False when the postmaster is dead and did not come back. */
  private synchronized boolean restartIfDead() throws InterruptedException {
    if (stopped || isAlive(postmaster)) {
      return true;
    }
    System.out.println("tasktalk: the embedded PostgreSQL stopped unexpectedly; restarting it");
    long noticed = System.nanoTime();
    awaitReaped(postmaster);
    String failure = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause(FIRST_PAUSE.multipliedBy(1L << (attempt - 2)));
      }
      if (stopped) {
        return true;
      }
      Optional<String> outcome = restart();
      if (outcome.isEmpty()) {
        System.out.println(
            "tasktalk: the embedded PostgreSQL restarted in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - noticed)
                + " ms");
        return true;
      }
      failure = outcome.get();
    }
    stopped = true;
    System.err.println(
        "tasktalk: the embedded PostgreSQL did not restart ("
            + ATTEMPTS
            + " attempts, last: "
            + failure
            + "; its log is "
            + log
            + "); exiting so that a service"
            + " manager can restart Tasktalk");
    return false;
  }

  /** Init reaps orphans when it gets round to it; until then the old pid blocks a start. */
  private void awaitReaped(ProcessHandle process) throws InterruptedException {
    long deadline = System.nanoTime() + REAP_TIMEOUT.toNanos();
    while (!stopped && process.isAlive() && System.nanoTime() < deadline) {
      wait(100);
    }
  }

  /** Waits without holding the monitor, so {@link #stop()} is not kept waiting. */
  private void pause(Duration pause) throws InterruptedException {
    long deadline = System.nanoTime() + pause.toNanos();
    for (long left = pause.toMillis();
        !stopped && left > 0;
        left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
      wait(left);
    }
  }

  /** One {@code pg_ctl start}; empty when a new postmaster is up, else what went wrong. */
  private Optional<String> restart() throws InterruptedException {
    Optional<List<String>> pgCtlStart = pgCtlStart();
    if (pgCtlStart.isEmpty()) {
      return Optional.of("cannot read " + directory.resolve("postmaster.opts"));
    }
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U")); // as zonky runs it, since postgres refuses root
    }
    command.addAll(pgCtlStart.get());
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      return Optional.of("cannot run pg_ctl: " + e.getMessage());
    }
    if (!process.waitFor(START_TIMEOUT.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      return Optional.of("pg_ctl start did not finish");
    }
    if (process.exitValue() != 0) {
      return Optional.of("pg_ctl start exited with " + process.exitValue());
    }
    Optional<ProcessHandle> restarted = Postmaster.find(directory);
    restarted.ifPresent(handle -> postmaster = handle);
    return restarted.isPresent()
        ? Optional.empty()
        : Optional.of("no postmaster.pid after pg_ctl start");
  }

  /**
   * {@code postmaster.opts} holds {@code /…/bin/postgres "-D" "…" "-p" "…" …}: pg_ctl sits beside
   * that binary, and the quoted rest is what {@code pg_ctl restart} would pass as {@code -o}.
   */
  private Optional<List<String>> pgCtlStart() {
    try {
      String line =
          Files.readAllLines(directory.resolve("postmaster.opts"), StandardCharsets.UTF_8).get(0);
      int options = line.indexOf(" \"");
      if (options < 0) {
        return Optional.empty();
      }
      Path pgCtl = Path.of(line.substring(0, options)).resolveSibling("pg_ctl");
      return Optional.of(
          List.of(
              pgCtl.toString(),
              "-D",
              directory.toString(),
              "-o",
              line.substring(options + 1),
              "-w",
              "-t",
              Long.toString(START_TIMEOUT.toSeconds()),
              "start"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isAlive(ProcessHandle process) {
    return process.isAlive() && !isZombie(process.pid());
  }

  /** Exited but not yet reaped by its parent (init, or a container's PID 1 that never reaps). */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int state = stat.lastIndexOf(')') + 2; // "pid (command) state ..."
      return state > 1 && state < stat.length() && stat.charAt(state) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
