package dev.tasktalk.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Owns what the launcher started and stops it exactly once, in order: Payara first (it holds
 * connections), then PostgreSQL, then the reaper is released. A stop that arrives while something
 * is starting waits for the start to finish, so nothing is left behind.
 */
final class Supervisor {

  private static final Duration PAYARA_GRACE = Duration.ofSeconds(15);

  private final ReaperLink reaper;
  private EmbeddedDatabase database;
  private PayaraProcess payara;
  private boolean stopped;

  Supervisor(ReaperLink reaper) {
    this.reaper = reaper;
  }

  /** Starts PostgreSQL and keeps it running; {@code giveUp} runs if it dies for good. */
  synchronized DatabaseConnection startEmbeddedDatabase(
      Path directory, Path portFile, Path log, boolean fsync, Runnable giveUp) {
    requireRunning();
    reaper.watchPostgres(directory);
    database = EmbeddedDatabase.start(directory, portFile, log, fsync);
    database.watch(giveUp);
    return database.connection();
  }

  synchronized PayaraProcess startPayara(Supplier<PayaraProcess> start) {
    requireRunning();
    payara = start.get();
    reaper.watchPayara(payara.pid());
    return payara;
  }

  synchronized boolean isStopped() {
    return stopped;
  }

  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (database != null) {
      database.stopWatching(); // PostgreSQL stopping from here on is no outage
    }
    if (payara != null) {
      payara.stop(PAYARA_GRACE);
    }
    if (database != null) {
      database.close();
    }
    reaper.release();
  }

  private void requireRunning() {
    if (stopped) {
      throw new LaunchException("stopped during start-up");
    }
  }
}
