package dev.tasktalk.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The running PostgreSQL server of a data directory, found through its {@code postmaster.pid} file,
 * and a fast shutdown for it; the launcher and the reaper both use this.
 */
final class Postmaster {

  private Postmaster() {}

  /** The live postmaster that {@code postmaster.pid} names, if that process really is one. */
  static Optional<ProcessHandle> find(Path dataDirectory) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (lines.size() < 2 || !sameDirectory(lines.get(1).trim(), dataDirectory)) {
      return Optional.empty();
    }
    try {
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
          .filter(ProcessHandle::isAlive)
          .filter(Postmaster::isPostgres);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Asks for a fast shutdown (SIGINT: roll back open transactions, checkpoint, exit) and, if the
   * server has not gone within the timeout, kills it; PostgreSQL recovers from that on next start.
   */
  static boolean stop(ProcessHandle postmaster, Duration timeout) {
    if (!signal("INT", postmaster.pid())) {
      postmaster.destroy(); // SIGTERM: a smart shutdown, slower but still clean
    }
    if (awaitExit(postmaster, timeout)) {
      return true;
    }
    postmaster.destroyForcibly();
    return awaitExit(postmaster, Duration.ofSeconds(5));
  }

  private static boolean signal(String name, long pid) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(pid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    // An unreadable command is not proof of a stranger: the pid file and data directory matched.
    return process.info().command().map(c -> c.endsWith("/postgres")).orElse(true);
  }

  private static boolean sameDirectory(String recorded, Path dataDirectory) {
    try {
      return Files.isSameFile(Path.of(recorded), dataDirectory);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
