package dev.tasktalk.adapter.out.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the database schema up to date with the Liquibase changelog; the app runs it once at
 * start-up.
 */
public final class SchemaMigrator {

  /**
   * The changelog's classpath location, also the name Liquibase records applied change sets under.
   */
  public static final String CHANGELOG = "db/changelog/tasktalk-changelog.xml";

  /** The advisory lock key migrations hold: any fixed number no other code uses. */
  private static final long MIGRATION_LOCK = 0x7461736b74616c6bL; // "tasktalk"

  private SchemaMigrator() {}

  /** Migrates through a connection of its own, closed afterwards. */
  public static void migrate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      migrate(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the database to migrate it", e);
    }
  }

  /** Applies every pending change set; the connection stays open and keeps its auto-commit mode. */
  public static void migrate(Connection connection) {
    // Liquibase would otherwise print to stdout and phone home for analytics settings on every
    // start.
    Map<String, Object> settings =
        Map.of(
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
            Scope.Attr.ui.name(),
            new LoggerUIService(),
            "liquibase.analytics.enabled",
            false);
    try {
      boolean autoCommit = connection.getAutoCommit();
      // Liquibase's own lock lives in a table it first has to create, and instances starting at
      // once on an empty database race to create it ("relation databasechangelog already exists").
      // A session advisory lock serialises them before Liquibase runs; the others then find nothing
      // to do.
      connection.setAutoCommit(true);
      try (Statement lock = connection.createStatement()) {
        lock.execute("select pg_advisory_lock(" + MIGRATION_LOCK + ")");
        try {
          Scope.child(settings, () -> update(connection));
        } finally {
          lock.execute("select pg_advisory_unlock(" + MIGRATION_LOCK + ")");
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (Exception e) {
      throw new IllegalStateException("database migration failed", e);
    }
  }

  private static void update(Connection connection) throws Exception {
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    new CommandScope(UpdateCommandStep.COMMAND_NAME)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
        .execute();
  }
}
