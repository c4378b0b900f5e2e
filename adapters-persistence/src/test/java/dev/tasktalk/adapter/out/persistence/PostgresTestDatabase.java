package dev.tasktalk.adapter.out.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A throw-away PostgreSQL 17 with the Liquibase changelog applied, and the application's
 * persistence unit switched to resource-local transactions on it, as tests outside the container
 * need.
 */
final class PostgresTestDatabase implements AutoCloseable {

  // Held here because JUL keeps loggers only weakly: Liquibase's per-change-set INFO lines drown
  // test output.
  private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

  static {
    LIQUIBASE.setLevel(Level.WARNING);
  }

  private final EmbeddedPostgres postgres;
  private final DataSource dataSource;
  private EntityManagerFactory entityManagerFactory;

  private PostgresTestDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.dataSource = postgres.getPostgresDatabase();
  }

  /** Starts an empty server; nothing is migrated yet. */
  static PostgresTestDatabase start() {
    try {
      // Case-insensitive search of non-ASCII text needs a Unicode-aware ctype; under the plain C
      // locale 'Ä' ilike 'ä' is false. PostgreSQL 17's builtin provider gives that without relying
      // on the OS.
      return new PostgresTestDatabase(
          EmbeddedPostgres.builder()
              .setLocaleConfig("locale-provider", "builtin")
              .setLocaleConfig("builtin-locale", "C.UTF-8")
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  /** Starts a server and brings its schema up to date, as the application does at start-up. */
  static PostgresTestDatabase startMigrated() {
    PostgresTestDatabase database = start();
    SchemaMigrator.migrate(database.dataSource);
    return database;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * The "tasktalk" unit from the main persistence.xml, with only the transaction setup overridden.
   */
  synchronized EntityManagerFactory entityManagerFactory() {
    if (entityManagerFactory == null) {
      entityManagerFactory =
          Persistence.createEntityManagerFactory(
              "tasktalk",
              Map.of(
                  "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                  "jakarta.persistence.jtaDataSource", "",
                  "jakarta.persistence.nonJtaDataSource", dataSource,
                  "eclipselink.weaving", "false"));
    }
    return entityManagerFactory;
  }

  void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() throws IOException {
    if (entityManagerFactory != null) {
      entityManagerFactory.close();
    }
    postgres.close();
  }
}
