package dev.tasktalk.adapter.out.persistence;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.application.testing.ChatRepositories;
import dev.tasktalk.application.testing.ToolCallRepositoryContract;
import dev.tasktalk.domain.agent.ToolCallRecord;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the JPA repository to the tool-call contract on PostgreSQL; rows are read back by plain
 * JDBC.
 */
class JpaToolCallRepositoryTest extends ToolCallRepositoryContract {

  private static ChatTestDatabase database;
  private static ToolCallRepository toolCalls;

  @BeforeAll
  static void startDatabase() {
    database = ChatTestDatabase.shared();
    toolCalls =
        TransactionPerCall.wrap(
            ToolCallRepository.class,
            database.database().entityManagerFactory(),
            JpaToolCallRepository::new);
  }

  @Override
  protected ChatRepositories repositories() {
    return database.repositories();
  }

  @Override
  protected ToolCallRepository toolCalls() {
    return toolCalls;
  }

  @Override
  protected void reset() {
    database.truncate();
  }

  @Override
  protected List<ToolCallRecord> storedCalls() {
    try (Connection connection = database.database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select id, owner, thread_id, run_id, surface, name, arguments::text, result::text,"
                    + " status, duration_ms, created_at from tool_calls order by created_at, id")) {
      List<ToolCallRecord> stored = new ArrayList<>();
      while (rows.next()) {
        String thread = rows.getString(3);
        stored.add(
            new ToolCallRecord(
                rows.getObject(1, UUID.class),
                new UserId(rows.getString(2)),
                thread == null ? null : new ThreadId(thread),
                rows.getObject(4, UUID.class),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                rows.getLong(10),
                rows.getObject(11, OffsetDateTime.class).toInstant()));
      }
      return stored;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void givenADeletedThread_itsCalls_areGone_butMcpCallsStay() {
    ChatThread thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
    toolCalls.record(
        new ToolCallRecord(
            UUID.randomUUID(),
            ALICE,
            thread.id(),
            UUID.randomUUID(),
            "agent",
            "delete_task",
            "{}",
            "{}",
            "ok",
            1,
            T0));
    toolCalls.record(
        new ToolCallRecord(
            UUID.randomUUID(), ALICE, null, null, "mcp", "list_tasks", "{}", "{}", "ok", 1, T0));

    repositories().threads().delete(ALICE, thread.id());

    assertThat(storedCalls()).extracting(ToolCallRecord::surface).containsExactly("mcp");
  }
}
