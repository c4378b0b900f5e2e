package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.events.TodoChanges;
import dev.tasktalk.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link TodoChanges} on PostgreSQL's LISTEN/NOTIFY, which every instance on the database hears: a
 * change is a {@code NOTIFY tasktalk_todos, '<owner>'} through the pool, and one thread per
 * instance waits on a dedicated connection ({@link PGConnection#getNotifications(int)} blocks on
 * its socket) and tells this instance's watchers of that owner. Each time it has run LISTEN (at
 * first and after the connection broke) it tells every watcher once, since changes made before may
 * have been missed.
 */
public final class PgTodoChanges implements TodoChanges, AutoCloseable {

  static final String CHANNEL = "tasktalk_todos";
  private static final Logger LOG = Logger.getLogger(PgTodoChanges.class.getName());

  /** How long one wait for notifications lasts before the connection is checked. */
  private static final int WAIT_MILLIS = 30_000;

  /** Opens a connection outside any pool, which the listener keeps for as long as it works. */
  @FunctionalInterface
  public interface Connector {
    Connection connect() throws SQLException;
  }

  private final DataSource pool;
  private final Connector connector;
  private final ThreadFactory threads;
  private final Map<UserId, Set<Runnable>> watchers = new ConcurrentHashMap<>();
  private final Object lifecycle = new Object();
  private Thread listener;
  private volatile Connection listening;
  private volatile boolean closed;

  public PgTodoChanges(DataSource pool, Connector connector, ThreadFactory threads) {
    this.pool = pool;
    this.connector = connector;
    this.threads = threads;
  }

  @Override
  public void publish(UserId owner) {
    try (Connection connection = pool.getConnection();
        PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
      notify.setString(1, CHANNEL);
      notify.setString(2, owner.value());
      notify.execute();
    } catch (SQLException | RuntimeException e) {
      LOG.warning(() -> "could not announce a change of tasks: " + e.getMessage());
    }
  }

  @Override
  public Watch watch(UserId owner, Runnable onChange) {
    watchers.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(onChange);
    startListening();
    return () ->
        watchers.computeIfPresent(
            owner,
            (o, set) -> {
              set.remove(onChange);
              return set.isEmpty() ? null : set;
            });
  }

  /** Whether the listener holds a connection that has run LISTEN (for tests and health reports). */
  public boolean listening() {
    return listening != null;
  }

  @Override
  public void close() {
    closed = true;
    Thread running;
    synchronized (lifecycle) {
      running = listener;
    }
    closeQuietly(listening); // ends a wait in getNotifications
    if (running != null) {
      running.interrupt();
      try {
        running.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts listening now rather than with the first watcher, so that one finds it listening. */
  public void start() {
    startListening();
  }

  private void startListening() {
    synchronized (lifecycle) {
      if (listener == null && !closed) {
        listener = threads.newThread(this::listen);
        listener.setName("tasktalk-todo-changes");
        listener.setDaemon(true);
        listener.start();
      }
    }
  }

  private void listen() {
    long backoff = 500;
    boolean missedSome = false;
    while (!closed) {
      try (Connection connection = connector.connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        listening = connection;
        if (missedSome) {
          LOG.info("listening for task changes again");
        }
        // Whoever started watching before this LISTEN may have missed a change meanwhile.
        watchers.values().forEach(set -> set.forEach(PgTodoChanges::run));
        backoff = 500;
        receive(connection.unwrap(PGConnection.class), connection);
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          break;
        }
        if (!missedSome) {
          LOG.log(
              Level.WARNING,
              "lost the connection that listens for task changes ("
                  + e.getMessage()
                  + "); connecting again");
        }
        missedSome = true;
      } finally {
        listening = null;
      }
      if (!pause(backoff)) {
        break;
      }
      backoff = Math.min(backoff * 2, 10_000);
    }
  }

  private void receive(PGConnection pg, Connection connection) throws SQLException {
    while (!closed) {
      PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
      if (notifications == null || notifications.length == 0) {
        // Quiet for a while: make sure the connection still works, or a silently dropped one
        // would never be noticed.
        if (!connection.isValid(5)) {
          throw new SQLException("the listening connection stopped answering");
        }
        continue;
      }
      for (PGNotification notification : notifications) {
        UserId owner = ownerOf(notification);
        Set<Runnable> set = owner == null ? null : watchers.get(owner);
        if (set != null) {
          set.forEach(PgTodoChanges::run);
        }
      }
    }
  }

  /** The owner a notification names; a foreign or blank payload names nobody's. */
  private static UserId ownerOf(PGNotification notification) {
    try {
      return new UserId(notification.getParameter());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void run(Runnable watcher) {
    try {
      watcher.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a task-change watcher failed", e);
    }
  }

  private boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return !closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException e) {
        // closing is all that is left to do
      }
    }
  }
}
