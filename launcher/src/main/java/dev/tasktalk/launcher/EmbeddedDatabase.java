package dev.tasktalk.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The embedded PostgreSQL 17 server (zonky) that keeps its cluster in the data directory across
 * restarts, holds the {@code tasktalk} database and is durable by default: a commit returns once
 * its WAL is flushed to disk ({@code fsync}, {@code synchronous_commit} and {@code
 * full_page_writes} on), so a power cut or OS crash loses no acknowledged write.
 *
 * <p>zonky starts every postmaster with {@code -F} (fsync off) and {@code synchronous_commit=off},
 * test-database defaults. It passes our server settings as {@code -c name=value} after {@code -F},
 * and PostgreSQL applies command-line options in order, so {@code -c fsync=on} wins.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "tasktalk";
  private static final String SUPERUSER = "postgres";
  // initdb -A trust ignores it, but the app's data source wants a value.
  private static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private final Path logFile;
  private PostmasterWatchdog watchdog;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, Path logFile) {
    this.postgres = postgres;
    this.directory = directory;
    this.logFile = logFile;
  }

  /**
   * Starts the cluster in {@code directory}, first stopping a postmaster that a killed launcher
   * left behind; {@code portFile} remembers the port and {@code logFile} receives the server log.
   * Only {@code fsync == false} (TASKTALK_DB_FSYNC=off) trades durability for speed.
   */
  static EmbeddedDatabase start(Path directory, Path portFile, Path logFile, boolean fsync) {
    try {
      Files.createDirectories(directory);
      refuseIfInUse(directory);
      stopLeftoverPostmaster(directory);
      int port = FreePort.preferring(readPort(portFile));
      Files.writeString(portFile, port + "\n");
      EmbeddedDatabase database =
          new EmbeddedDatabase(
              startServer(directory, port, logFile.toFile(), fsync), directory, logFile);
      try {
        database.createDatabaseIfMissing();
      } catch (SQLException | RuntimeException e) {
        database.close();
        throw e;
      }
      return database;
    } catch (LaunchException e) {
      throw e;
    } catch (IOException | SQLException | RuntimeException e) {
      throw new LaunchException(
          "the embedded PostgreSQL did not start (" + e.getMessage() + "); its log is " + logFile,
          e);
    }
  }

  /** initdb on the first start only; see the class comment for why fsync is set explicitly. */
  private static EmbeddedPostgres startServer(Path directory, int port, File log, boolean fsync)
      throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false) // the Supervisor stops PostgreSQL after Payara
        .setPort(port)
        .setServerConfig("fsync", fsync ? "on" : "off") // overrides zonky's -F
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", "localhost")
        // A UTF-8 collation independent of the host's locale, so case-insensitive search works
        // beyond ASCII; it applies when initdb creates the cluster.
        .setLocaleConfig("locale-provider", "builtin")
        .setLocaleConfig("builtin-locale", "C.UTF-8")
        .setPGStartupWait(Duration.ofSeconds(120)) // crash recovery can take a while
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
        .start();
  }

  DatabaseConnection connection() {
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    return new DatabaseConnection(
        DatabaseConnection.Mode.EMBEDDED,
        url,
        SUPERUSER,
        PASSWORD,
        "embedded PostgreSQL 17, data in " + directory + " (" + url + ")");
  }

  /**
   * From now on restarts the server whenever it dies, on the same port; {@code giveUp} runs if it
   * does not come back (see {@link PostmasterWatchdog}).
   */
  void watch(Runnable giveUp) {
    stopWatching();
    watchdog = PostmasterWatchdog.start(directory, logFile, giveUp);
  }

  /** A server that stops from now on stays stopped: the launcher is shutting down. */
  void stopWatching() {
    if (watchdog != null) {
      watchdog.stop();
    }
  }

  @Override
  public void close() {
    stopWatching();
    try {
      postgres.close(); // pg_ctl stop -m fast
    } catch (IOException e) {
      System.err.println("tasktalk: stopping the embedded PostgreSQL failed: " + e.getMessage());
    }
  }

  private void createDatabaseIfMissing() throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + DATABASE);
      }
    }
  }

  /** zonky locks {@code epg-lock} while it runs; a lock we cannot take means a live launcher. */
  private static void refuseIfInUse(Path directory) throws IOException {
    Path lockFile = directory.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new LaunchException(
            directory
                + " is used by another running Tasktalk launcher;"
                + " stop it or set TASKTALK_DATA_DIR to another directory");
      }
    }
  }

  private static void stopLeftoverPostmaster(Path directory) {
    Postmaster.find(directory)
        .ifPresent(
            postmaster -> {
              System.out.println(
                  "tasktalk: stopping the PostgreSQL server (pid "
                      + postmaster.pid()
                      + ") that an earlier launcher left running in "
                      + directory);
              if (!Postmaster.stop(postmaster, Duration.ofSeconds(20))) {
                throw new LaunchException("PostgreSQL pid " + postmaster.pid() + " does not stop");
              }
            });
  }

  private static int readPort(Path portFile) {
    try {
      return Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
