package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.testing.ChatRepositories;
import dev.tasktalk.application.testing.RunRepositoryContract;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * Holds the JPA repository to the run contract on PostgreSQL; stored runs are read back by plain
 * JDBC.
 */
class JpaRunRepositoryTest extends RunRepositoryContract {

  private static ChatTestDatabase database;

  @BeforeAll
  static void startDatabase() {
    database = ChatTestDatabase.shared();
  }

  @Override
  protected ChatRepositories repositories() {
    return database.repositories();
  }

  @Override
  protected void reset() {
    database.truncate();
  }

  @Override
  protected Optional<Run> storedRun(UUID id) {
    try (Connection connection = database.database().dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select owner, thread_id, status, started_at, finished_at, model, input_tokens,"
                    + " output_tokens, first_token_ms, error from runs where id = ?")) {
      statement.setObject(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(run(id, row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Run run(UUID id, ResultSet row) throws SQLException {
    Long firstToken = row.getObject("first_token_ms", Long.class);
    return new Run(
        id,
        new UserId(row.getString("owner")),
        new ThreadId(row.getString("thread_id")),
        RunStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
        instant(row, "started_at"),
        instant(row, "finished_at"),
        row.getString("model"),
        row.getObject("input_tokens", Long.class),
        row.getObject("output_tokens", Long.class),
        firstToken == null ? null : Duration.ofMillis(firstToken),
        row.getString("error"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
