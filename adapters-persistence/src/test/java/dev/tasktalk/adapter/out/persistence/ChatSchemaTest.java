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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat tables as the changelog makes them: the indexes the queries rely on, the cascade from a
 * thread to everything in it (including the tables no repository writes yet), and the checks.
 */
class ChatSchemaTest {

  private static final String THREAD =
      "insert into threads (id, owner, status, created_at, updated_at)"
          + " values ('thr_1', 'alice', 'active', now(), now())";

  private static PostgresTestDatabase database;

  @BeforeAll
  static void startDatabase() {
    database = PostgresTestDatabase.startMigrated();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @BeforeEach
  void startEmpty() {
    database.execute(
        "truncate table threads, thread_items, attachments, runs, feedback, tool_calls, approvals");
  }

  @Test
  void givenTheSchema_theChatChangeSets_areApplied() throws SQLException {
    assertThat(
            strings(
                "select id from databasechangelog where filename = 'db/changelog/changes/chat.xml'"
                    + " order by orderexecuted"))
        .containsExactly(
            "threads-create-table",
            "thread-items-create-table",
            "attachments-create-table",
            "runs-create-table",
            "feedback-create-table",
            "tool-calls-create-table",
            "approvals-create-table",
            "approvals-status-check");
  }

  @Test
  void givenTheSchema_pagingAndOneRunningRun_haveTheirIndexes() throws SQLException {
    assertThat(
            strings(
                "select indexdef from pg_indexes where tablename in ('threads', 'thread_items',"
                    + " 'runs')"))
        .anySatisfy(
            i -> assertThat(i).endsWith("threads USING btree (owner, created_at DESC, id DESC)"))
        .anySatisfy(i -> assertThat(i).endsWith("thread_items USING btree (thread_id, seq)"))
        .anySatisfy(
            i ->
                assertThat(i)
                    .endsWith("thread_items_pk ON public.thread_items USING btree (thread_id, id)"))
        .anySatisfy(
            i ->
                assertThat(i)
                    .isEqualTo(
                        "CREATE UNIQUE INDEX runs_one_running_per_thread ON public.runs"
                            + " USING btree (thread_id) WHERE ((status)::text = 'running'::text)"));
  }

  @Test
  void givenTheSchema_itemsAreOrderedByAnIdentityAndHoldJsonb() throws SQLException {
    assertThat(
            strings(
                "select column_name || ' ' || data_type || ' ' || is_identity || ' ' ||"
                    + " coalesce(identity_generation, '-') from information_schema.columns where"
                    + " table_name = 'thread_items' and column_name in ('seq', 'payload') order by"
                    + " column_name"))
        .containsExactly("payload jsonb NO -", "seq bigint YES ALWAYS");
  }

  @Test
  void givenAThreadWithRowsInEveryTable_deleteTheThread_removesThemAllButAttachments()
      throws SQLException {
    database.execute(THREAD);
    database.execute(
        "insert into thread_items (thread_id, id, owner, type, created_at, payload)"
            + " values ('thr_1', 'msg_1', 'alice', 'user_message', now(), '{}')");
    database.execute(
        "insert into runs (id, owner, thread_id, status, started_at)"
            + " values (gen_random_uuid(), 'alice', 'thr_1', 'running', now())");
    database.execute(
        "insert into feedback (owner, thread_id, item_ids, kind, created_at)"
            + " values ('alice', 'thr_1', array['msg_1'], 'positive', now())");
    database.execute(
        "insert into tool_calls (id, owner, thread_id, surface, name, arguments, status,"
            + " created_at) values (gen_random_uuid(), 'alice', 'thr_1', 'agent', 'add_task',"
            + " '{\"title\": \"x\"}', 'completed', now())");
    database.execute(
        "insert into tool_calls (id, owner, surface, name, status, created_at)"
            + " values (gen_random_uuid(), 'alice', 'mcp', 'list_tasks', 'completed', now())");
    database.execute(
        "insert into approvals (id, owner, thread_id, item_id, tool_call_id, tool_name, arguments,"
            + " status, created_at) values ('apr_1', 'alice', 'thr_1', 'wid_1', 'call_1',"
            + " 'delete_task', '{}', 'pending', now())");

    database.execute("delete from threads where id = 'thr_1'");

    assertThat(
            strings(
                "select 'items ' || count(*) from thread_items union all select 'runs ' || count(*)"
                    + " from runs union all select 'feedback ' || count(*) from feedback union all"
                    + " select 'approvals ' || count(*) from approvals union all select 'tool_calls"
                    + " ' || count(*) from tool_calls"))
        .containsExactly("items 0", "runs 0", "feedback 0", "approvals 0", "tool_calls 1");
  }

  @Test
  void givenASecondRunningRun_insert_isRejectedByThePartialIndex() {
    database.execute(THREAD);
    String running =
        "insert into runs (id, owner, thread_id, status, started_at)"
            + " values (gen_random_uuid(), 'alice', 'thr_1', 'running', now())";
    database.execute(running);

    assertRejected(running, "runs_one_running_per_thread");
  }

  @Test
  void givenValuesBreakingTheChecks_insert_isRejected() {
    database.execute(THREAD);
    assertRejected("update threads set status = 'archived'", "threads_status_ck");
    assertRejected(
        "insert into thread_items (thread_id, id, owner, type, created_at, payload)"
            + " values ('thr_1', 'msg_1', 'alice', 'user_message', now(), '[1]')",
        "thread_items_payload_ck");
    assertRejected(
        "insert into runs (id, owner, thread_id, status, started_at, finished_at)"
            + " values (gen_random_uuid(), 'alice', 'thr_1', 'paused', now(), now())",
        "runs_status_ck");
    assertRejected(
        "insert into runs (id, owner, thread_id, status, started_at)"
            + " values (gen_random_uuid(), 'alice', 'thr_1', 'completed', now())",
        "runs_finished_at_ck");
    assertRejected(
        "insert into feedback (owner, thread_id, item_ids, kind, created_at)"
            + " values ('alice', 'thr_1', '{}', 'meh', now())",
        "feedback_kind_ck");
    assertRejected(
        "insert into attachments (id, owner, name, mime_type, size, uploaded, created_at, content)"
            + " values ('atc_1', 'alice', 'a', 'text/plain', 5, true, now(), '\\x0102')",
        "attachments_content_ck");
    assertRejected(
        "insert into tool_calls (id, owner, surface, name, status, created_at)"
            + " values (gen_random_uuid(), 'alice', 'cli', 'x', 'completed', now())",
        "tool_calls_surface_ck");
    String approval =
        "insert into approvals (id, owner, thread_id, item_id, tool_call_id, tool_name, arguments,"
            + " status, created_at, decided_at) values ('apr_1', 'alice', 'thr_1', 'wid_1',"
            + " 'call_1', 'delete_task', '{}', ";
    assertRejected(approval + "'maybe', now(), now())", "approvals_status_ck");
    assertRejected(approval + "'confirmed', now(), null)", "approvals_decided_at_ck");
    assertRejected(approval + "'pending', now(), now())", "approvals_decided_at_ck");
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
