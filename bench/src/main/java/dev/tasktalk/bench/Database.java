package dev.tasktalk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The server's embedded PostgreSQL, reached directly: write counters and the store's seed. */
final class Database {

  private final String url;

  Database(String url) {
    this.url = url;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "postgres");
  }

  /** Transactions committed and rows written in the tasktalk database so far. */
  record Writes(long commits, long rows) {

    Writes minus(Writes earlier) {
      return new Writes(commits - earlier.commits, rows - earlier.rows);
    }
  }

  /**
   * The cumulative counters. PostgreSQL's backends report them when idle, at most once a second and
   * at the latest ten seconds later, so a reading after a scenario waits for that first.
   */
  Writes writes() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select xact_commit, tup_inserted + tup_updated + tup_deleted"
                    + " from pg_stat_database where datname = current_database()")) {
      row.next();
      return new Writes(row.getLong(1), row.getLong(2));
    }
  }

  /**
   * Copies the items of {@code template} into {@code threads} new threads of the same owner with
   * {@code itemsPerThread} items each (alternating the template's items), in one transaction.
   */
  void seed(String template, int threads, int itemsPerThread) throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insertThreads =
              connection.prepareStatement(
                  """
                  insert into threads (id, owner, title, status, created_at, updated_at)
                  select 'thr_seed_' || lpad(g::text, 6, '0'), t.owner, 'Seeded conversation ' || g, 'active',
                         now() - (? - g) * interval '1 minute', now() - (? - g) * interval '1 minute'
                  from threads t cross join generate_series(1, ?) g
                  where t.id = ?\
                  """);
          PreparedStatement insertItems =
              connection.prepareStatement(
                  """
                  with template as (
                    select row_number() over (order by seq) - 1 as n, type, payload, owner
                    from thread_items where thread_id = ?),
                  size as (select count(*) as n from template)
                  insert into thread_items (thread_id, id, owner, type, created_at, payload)
                  select 'thr_seed_' || lpad(g::text, 6, '0'), 'itm_seed_' || g || '_' || i, tpl.owner, tpl.type,
                         now() - (? - g) * interval '1 minute' + i * interval '1 second',
                         tpl.payload || jsonb_build_object('id', 'itm_seed_' || g || '_' || i,
                                                           'thread_id', 'thr_seed_' || lpad(g::text, 6, '0'))
                  from generate_series(1, ?) g
                  cross join generate_series(0, ? - 1) i
                  join size on true
                  join template tpl on tpl.n = i % size.n
                  order by g, i\
                  """)) {
        insertThreads.setInt(1, threads);
        insertThreads.setInt(2, threads);
        insertThreads.setInt(3, threads);
        insertThreads.setString(4, template);
        insertThreads.executeUpdate();
        insertItems.setString(1, template);
        insertItems.setInt(2, threads);
        insertItems.setInt(3, threads);
        insertItems.setInt(4, itemsPerThread);
        insertItems.executeUpdate();
      }
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("vacuum analyze threads");
        statement.execute("vacuum analyze thread_items");
        // The seed wrote ~1 GB of WAL: flush it now, not in a checkpoint during the measured reads.
        statement.execute("checkpoint");
      }
    }
  }

  /** A diagnosis aid: PostgreSQL logs every statement with its duration from now on. */
  void logStatements() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("alter system set log_min_duration_statement = 0");
      statement.execute("select pg_reload_conf()");
    }
  }

  long count(String table) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select count(*) from " + table)) {
      row.next();
      return row.getLong(1);
    }
  }
}
