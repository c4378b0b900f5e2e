package dev.tasktalk.bootstrap.persistence;

import dev.tasktalk.adapter.out.persistence.SchemaMigrator;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.bootstrap.wiring.TasktalkSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Defines the application's data source from MicroProfile Config ({@code tasktalk.db.*}, which the
 * launcher sets), brings the schema up to date with Liquibase before any request is served (its
 * lock lets one of several instances starting at once migrate while the others wait), and, on the
 * launcher's embedded database, which no other instance can share, marks the responses the last
 * process left running as interrupted. On a shared database that is the leases' job ({@code
 * InstanceLeaseKeeper}): a starting instance must not cut the answers others are streaming.
 */
@DataSourceDefinition(
    name = SchemaMigration.DATA_SOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=tasktalk.db.url}",
    user = "${MPCONFIG=tasktalk.db.user}",
    password = "${MPCONFIG=tasktalk.db.password}",
    initialPoolSize = 2,
    minPoolSize = 2,
    maxPoolSize = 64,
    maxIdleTime = 300,
    loginTimeout = 2,
    properties = {
      // After a database restart the pooled connections are dead: test a connection when it is
      // handed out (at most once a second each, so the hot path rarely pays a round trip) and,
      // when one fails, drop them all, so the pool heals by itself as soon as the database is back.
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=1",
      "fish.payara.fail-all-connections=true"
    })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/tasktalk";
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @Inject RunRepository runs;
  @Inject Clock clock;
  @Inject TasktalkSettings settings;

  @PostConstruct
  void migrate() {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      SchemaMigrator.migrate(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reach the database to migrate the schema: " + e.getMessage(), e);
    }
    LOG.info(
        () -> "database schema up to date in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    if (!settings.embeddedDatabase()) {
      return;
    }
    // Runs still marked running were cut off when the last process died; the threads must accept
    // new messages (and retries) again.
    int interrupted = runs.interruptRunning(clock.instant());
    if (interrupted > 0) {
      LOG.warning(() -> interrupted + " response(s) were interrupted by the last shutdown");
    }
  }
}
