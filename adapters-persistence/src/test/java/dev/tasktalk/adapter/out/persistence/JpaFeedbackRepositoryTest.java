package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.testing.ChatRepositories;
import dev.tasktalk.application.testing.FeedbackRepositoryContract;
import dev.tasktalk.application.testing.InMemoryFeedbackRepository.Feedback;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Holds the JPA repository to the feedback contract on PostgreSQL; rows are read back by plain
 * JDBC.
 */
class JpaFeedbackRepositoryTest extends FeedbackRepositoryContract {

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
  protected List<Feedback> storedFeedback() {
    try (Connection connection = database.database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select owner, thread_id, item_ids, kind, created_at from feedback order by id")) {
      List<Feedback> stored = new ArrayList<>();
      while (rows.next()) {
        List<ItemId> items =
            Arrays.stream((String[]) rows.getArray("item_ids").getArray())
                .map(ItemId::new)
                .toList();
        stored.add(
            new Feedback(
                new UserId(rows.getString("owner")),
                new ThreadId(rows.getString("thread_id")),
                items,
                rows.getString("kind"),
                rows.getObject("created_at", OffsetDateTime.class).toInstant()));
      }
      return stored;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
