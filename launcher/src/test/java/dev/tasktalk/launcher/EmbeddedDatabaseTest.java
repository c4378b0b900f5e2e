package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real embedded PostgreSQL the way the launcher does, in a temporary data directory. */
class EmbeddedDatabaseTest {

  private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

  @TempDir Path data;

  @Test
  void givenDefaultSettings_start_flushesEveryCommitToDisk() throws SQLException {
    try (EmbeddedDatabase database = start(true)) {
      assertThat(show(database, "fsync")).isEqualTo("on");
      assertThat(show(database, "synchronous_commit")).isEqualTo("on");
      assertThat(show(database, "full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void givenFsyncOff_start_runsWithoutFsync() throws SQLException {
    try (EmbeddedDatabase database = start(false)) {
      assertThat(show(database, "fsync")).isEqualTo("off");
      assertThat(show(database, "synchronous_commit")).isEqualTo("on");
    }
  }

  @Test
  void givenKilledPostmaster_watchdog_restartsItOnTheSamePortWithCommittedRows() throws Exception {
    CountDownLatch gaveUp = new CountDownLatch(1);
    try (EmbeddedDatabase database = start(true)) {
      database.watch(gaveUp::countDown);
      execute(
          database, "create table note (text varchar(40))", "insert into note values ('buy milk')");
      ProcessHandle postmaster = Postmaster.find(postgresDirectory()).orElseThrow();

      postmaster.destroyForcibly(); // SIGKILL: no shutdown checkpoint, recovery replays the WAL

      awaitConnection(database);
      assertThat(query(database, "select text from note")).containsExactly("buy milk");
      assertThat(show(database, "fsync")).isEqualTo("on");
      assertThat(Postmaster.find(postgresDirectory())).get().isNotEqualTo(postmaster);
      assertThat(gaveUp.getCount()).as("gave up").isEqualTo(1);
    }
    assertThat(Postmaster.find(postgresDirectory())).as("stopped by close").isEmpty();
  }

  @Test
  void givenPostmasterThatCannotStartAgain_watchdog_givesUp() throws Exception {
    CountDownLatch gaveUp = new CountDownLatch(1);
    try (EmbeddedDatabase database = start(true)) {
      database.watch(gaveUp::countDown);
      // Read at the next start only: every restart attempt fails on it.
      Files.writeString(
          postgresDirectory().resolve("postgresql.conf"),
          "\nnot a setting\n",
          StandardOpenOption.APPEND);

      Postmaster.find(postgresDirectory()).orElseThrow().destroyForcibly();

      assertThat(gaveUp.await(BACK_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("gave up").isTrue();
      assertThat(Postmaster.find(postgresDirectory())).isEmpty();
    }
  }

  /** Like {@code Launcher}: the cluster in {@code data/postgres}, port file and log beside it. */
  private EmbeddedDatabase start(boolean fsync) {
    return EmbeddedDatabase.start(
        postgresDirectory(), data.resolve("postgres.port"), data.resolve("postgres.log"), fsync);
  }

  private Path postgresDirectory() {
    return data.resolve("postgres");
  }

  /** Polls until a new connection works, up to {@link #BACK_WITHIN}. */
  private static void awaitConnection(EmbeddedDatabase database) throws InterruptedException {
    long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection connection = connect(database)) {
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new AssertionError("PostgreSQL is not back within " + BACK_WITHIN, last);
  }

  private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> query(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private static String show(EmbeddedDatabase database, String setting) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("show " + setting)) {
      row.next();
      return row.getString(1);
    }
  }

  private static Connection connect(EmbeddedDatabase database) throws SQLException {
    DatabaseConnection connection = database.connection();
    return DriverManager.getConnection(
        connection.jdbcUrl(), connection.user(), connection.password());
  }
}
