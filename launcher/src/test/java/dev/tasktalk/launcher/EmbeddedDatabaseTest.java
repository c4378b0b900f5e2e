package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real embedded PostgreSQL the way the launcher does, in a temporary data directory. */
class EmbeddedDatabaseTest {

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

  /** Like {@code Launcher}: the cluster in {@code data/postgres}, port file and log beside it. */
  private EmbeddedDatabase start(boolean fsync) {
    return EmbeddedDatabase.start(postgresDirectory(), data.resolve("postgres.port"),
        data.resolve("postgres.log"), fsync);
  }

  private Path postgresDirectory() {
    return data.resolve("postgres");
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
