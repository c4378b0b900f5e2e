package dev.tasktalk.adapter.out.mcp;

import io.modelcontextprotocol.spec.McpError;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection to one external MCP server, made on first use and kept until a failure drops it,
 * in whichever protocol era the server speaks: revision 2026-07-28 when it answers {@code
 * server/discover}, else the classic Streamable HTTP handshake ({@code initialize}). Also what was
 * last seen of the server: whether it answered, why not, and the revision in use.
 */
final class RemoteSession implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RemoteSession.class.getName());

  private final ExternalMcpServer server;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final ReentrantLock lock = new ReentrantLock();

  private RemoteConnection client; // guarded by lock
  private volatile boolean reachable;
  private volatile String lastError;
  private volatile String protocol;

  RemoteSession(ExternalMcpServer server, Duration connectTimeout, Duration requestTimeout) {
    this.server = Objects.requireNonNull(server, "server");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /**
   * The open connection, or a new one: revision 2026-07-28 when the server answers {@code
   * server/discover}, else the classic handshake. A server that cannot be reached at all is not
   * asked twice.
   */
  RemoteConnection connection() {
    lock.lock();
    try {
      if (client != null) {
        return client;
      }
      RemoteConnection created;
      try {
        created =
            ModernConnection.open(
                server.url(), server.token(), connectTimeout, requestTimeout, RemoteOutcomes.JSON);
      } catch (RuntimeException modern) {
        if (unreachable(modern)) {
          throw modern;
        }
        LOG.log(
            Level.DEBUG,
            "MCP server "
                + server.name()
                + " does not speak "
                + ModernConnection.REVISION
                + " ("
                + RemoteOutcomes.shorten(reasonOf(modern))
                + "); using the classic handshake");
        created =
            ClassicConnection.open(
                server.url(), server.token(), connectTimeout, requestTimeout, RemoteOutcomes.JSON);
      }
      protocol = created.revision();
      LOG.log(
          Level.INFO,
          "MCP server " + server.name() + " connected with protocol revision " + protocol);
      client = created;
      return created;
    } finally {
      lock.unlock();
    }
  }

  /** Closes {@code failed} if it is still the open connection, so the next use connects again. */
  void drop(RemoteConnection failed) {
    lock.lock();
    try {
      if (client == failed) {
        closeQuietly(failed);
        client = null;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (client != null) {
        closeQuietly(client);
        client = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** The server answered. */
  void succeeded() {
    reachable = true;
    lastError = null;
  }

  /** The server did not answer, for the reason returned (short enough to show). */
  String failed(RuntimeException e) {
    String reason = RemoteOutcomes.shorten(reasonOf(e));
    reachable = false;
    lastError = reason;
    return reason;
  }

  boolean reachable() {
    return reachable;
  }

  /** Why the server last failed to answer; null when it answered. */
  String lastError() {
    return lastError;
  }

  /** The revision of the connection last made; null before the first. */
  String protocol() {
    return protocol;
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.http.HttpConnectTimeoutException
          || cause instanceof java.nio.channels.UnresolvedAddressException
          || cause instanceof java.net.UnknownHostException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static void closeQuietly(RemoteConnection closing) {
    try {
      closing.close();
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "closing an MCP client failed", e);
    }
  }

  /**
   * A short reason a person can read: a timeout, a refused connection or the root cause's message.
   */
  static String reasonOf(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException
          || cause instanceof java.net.http.HttpTimeoutException) {
        return "no answer in time";
      }
      if (cause instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    Throwable root = McpError.findRootCause(e);
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    return message.contains("Did not observe any item or terminal signal")
        ? "no answer in time"
        : message;
  }
}
