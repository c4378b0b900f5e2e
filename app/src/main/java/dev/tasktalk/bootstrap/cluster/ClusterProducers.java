package dev.tasktalk.bootstrap.cluster;

import dev.tasktalk.adapter.out.persistence.PgTodoChanges;
import dev.tasktalk.application.port.out.cluster.InstanceId;
import dev.tasktalk.application.port.out.events.TodoChanges;
import dev.tasktalk.bootstrap.persistence.SchemaMigration;
import dev.tasktalk.bootstrap.wiring.TasktalkSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Wires what several instances share through the database: this instance's id and the task-change
 * feed.
 */
@ApplicationScoped
public class ClusterProducers {

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject TasktalkSettings settings;

  private InstanceId instance;
  private PgTodoChanges todoChanges;

  @PostConstruct
  void create() {
    todoChanges = new PgTodoChanges(dataSource, this::listeningConnection, threads);
  }

  /** Listens from the start, so that no watcher's first changes go by before LISTEN has run. */
  void listen(@Observes @Initialized(ApplicationScoped.class) Object event) {
    todoChanges.start();
  }

  @PreDestroy
  void stop() {
    todoChanges.close();
  }

  /**
   * New at every start; the host and port in front tell a person which process a lease or run is.
   */
  @Produces
  synchronized InstanceId instanceId() {
    if (instance == null) {
      instance = InstanceId.fresh(hostName() + ":" + settings.get("PORT").orElse("8080"));
    }
    return instance;
  }

  @Produces
  @ApplicationScoped
  TodoChanges todoChanges() {
    return todoChanges;
  }

  /** A connection of its own (outside the pool, which would validate and recycle it) for LISTEN. */
  private java.sql.Connection listeningConnection() throws java.sql.SQLException {
    PGSimpleDataSource direct = new PGSimpleDataSource();
    direct.setURL(
        settings
            .get("tasktalk.db.url")
            .orElseThrow(() -> new java.sql.SQLException("tasktalk.db.url is not set")));
    settings.get("tasktalk.db.user").ifPresent(direct::setUser);
    settings.get("tasktalk.db.password").ifPresent(direct::setPassword);
    direct.setApplicationName("tasktalk-listen");
    return direct.getConnection();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
