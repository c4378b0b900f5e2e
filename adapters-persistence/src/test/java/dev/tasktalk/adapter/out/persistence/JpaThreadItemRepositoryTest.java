package dev.tasktalk.adapter.out.persistence;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aMessage;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.testing.ChatRepositories;
import dev.tasktalk.application.testing.ThreadItemRepositoryContract;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the JPA repository to the item contract on PostgreSQL, and shows that payloads land in the
 * database as real {@code jsonb} whatever the JDBC URL says about string types.
 */
class JpaThreadItemRepositoryTest extends ThreadItemRepositoryContract {

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

  @Test
  void givenAnAddedItem_theRow_holdsItsPayloadAsAJsonObject() throws SQLException {
    ChatThread thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
    ThreadItem item =
        new ThreadItem(
            ItemId.generate(ItemType.ASSISTANT_MESSAGE),
            thread.id(),
            ItemType.ASSISTANT_MESSAGE,
            T0,
            RICH_PAYLOAD);

    repositories().items().add(ALICE, item);

    assertThat(
            queryRow(
                "select jsonb_typeof(payload) || ' ' || (payload->'inference_options'->>'model')"
                    + " || ' ' || (payload->>'big') from thread_items"))
        .isEqualTo("object m 12345678901234567890");
  }

  @Test
  void givenASavedItem_theRow_holdsTheNewPayloadAsJsonb() throws SQLException {
    ChatThread thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
    ThreadItem item = aMessage(thread.id(), T0, "hello");
    repositories().items().add(ALICE, item);

    repositories().items().save(ALICE, item.withPayload("{\"b\": [1, 2], \"a\": \"x\"}"));

    assertThat(
            queryRow(
                "select pg_typeof(payload) || ' ' || (payload->>'a') || ' ' || (payload->'b'->>1)"
                    + " from thread_items"))
        .isEqualTo("jsonb x 2");
  }

  private static String queryRow(String sql) throws SQLException {
    try (Connection connection = database.database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
