package dev.tasktalk.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The changelog on a real PostgreSQL: the schema it makes, the rules it enforces, and re-runs. */
class SchemaMigratorTest {

  private static final String VALID_ROW =
      "insert into tasks (id, owner, title, priority, tags, completed, completed_at, created_at,"
          + " updated_at) values (gen_random_uuid(), 'alice', 'Task', %s, %s, %s, %s, now(),"
          + " now())";

  private static PostgresTestDatabase database;

  @BeforeAll
  static void startDatabase() {
    database = PostgresTestDatabase.startMigrated();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @Test
  void givenAMigratedDatabase_migrateAgain_runsNothingTwice() throws SQLException {
    List<String> applied = strings("select id from databasechangelog order by orderexecuted");

    SchemaMigrator.migrate(database.dataSource());

    assertThat(strings("select id from databasechangelog order by orderexecuted"))
        .containsExactlyElementsOf(applied)
        .contains("tasks-create-table", "tasks-owner-newest-first-index", "tasks-tags-index");
  }

  @Test
  void givenAnEmptyDatabase_threeInstancesMigratingAtOnce_allSucceed_andEachChangeSetRunsOnce()
      throws Exception {
    try (PostgresTestDatabase empty = PostgresTestDatabase.start()) {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Void>> instances =
          IntStream.range(0, 3)
              .mapToObj(
                  i ->
                      CompletableFuture.runAsync(
                          () -> {
                            try {
                              start.await();
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            SchemaMigrator.migrate(empty.dataSource());
                          }))
              .toList();
      start.countDown();

      instances.forEach(CompletableFuture::join);

      try (Connection connection = empty.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet twice =
              statement.executeQuery(
                  "select count(*) from (select id from databasechangelog group by id"
                      + " having count(*) > 1) d")) {
        twice.next();
        assertThat(twice.getInt(1)).isZero();
      }
    }
  }

  @Test
  void givenAnOpenConnection_migrate_leavesItOpenInItsAutoCommitMode() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(true);

      SchemaMigrator.migrate(connection);

      assertThat(connection.isClosed()).isFalse();
      assertThat(connection.getAutoCommit()).isTrue();
    }
  }

  @Test
  void givenTheSchema_tasks_hasLowerCaseColumnsOfTheIntendedTypes() throws SQLException {
    assertThat(
            strings(
                "select column_name || ' ' || data_type || ' ' || is_nullable from"
                    + " information_schema.columns where table_name = 'tasks' order by"
                    + " ordinal_position"))
        .containsExactly(
            "id uuid NO",
            "owner character varying NO",
            "title character varying NO",
            "description text YES",
            "priority character varying NO",
            "due_at timestamp with time zone YES",
            "due_all_day boolean NO",
            "tags ARRAY NO",
            "completed boolean NO",
            "created_at timestamp with time zone NO",
            "updated_at timestamp with time zone NO",
            "completed_at timestamp with time zone YES");
  }

  @Test
  void givenTheSchema_tasks_hasTheListingAndTagIndexes() throws SQLException {
    assertThat(
            strings("select indexdef from pg_indexes where tablename = 'tasks' order by indexname"))
        .anySatisfy(
            index -> assertThat(index).endsWith("USING btree (owner, created_at DESC, id DESC)"))
        .anySatisfy(index -> assertThat(index).endsWith("USING gin (tags)"));
  }

  @Test
  void givenAValidRow_insert_isAccepted() {
    database.execute(VALID_ROW.formatted("'high'", "array['work']", "true", "now()"));
  }

  @Test
  void givenAnUnknownPriority_insert_isRejected() {
    assertRejected(VALID_ROW.formatted("'urgent'", "'{}'", "false", "null"), "tasks_priority_ck");
  }

  @Test
  void givenMoreThanTwentyTags_insert_isRejected() {
    String tags = "array_fill('t'::text, array[21])";
    assertRejected(VALID_ROW.formatted("'low'", tags, "false", "null"), "tasks_tags_ck");
  }

  @Test
  void givenACompletedTaskWithoutCompletionTime_insert_isRejected() {
    assertRejected(VALID_ROW.formatted("'low'", "'{}'", "true", "null"), "tasks_completed_at_ck");
  }

  private static void assertRejected(String sql, String constraint) {
    assertThatThrownBy(() -> database.execute(sql)).rootCause().hasMessageContaining(constraint);
  }

  private static List<String> strings(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }
}
