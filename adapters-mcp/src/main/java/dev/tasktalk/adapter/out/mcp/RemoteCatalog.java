package dev.tasktalk.adapter.out.mcp;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tools of one external MCP server, listed (all pages, at most 20) on first use and then
 * cached. A server that did not answer is asked again at most every {@code retryAfter}; until it
 * answers once, there are no tools, and after that the cached ones stay.
 */
final class RemoteCatalog {

  private static final System.Logger LOG = System.getLogger(RemoteCatalog.class.getName());
  private static final int MAX_PAGES = 20;

  private final ExternalMcpServer server;
  private final RemoteSession session;
  private final Duration retryAfter;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();

  private volatile Map<String, RemoteTool> tools; // null until discovered
  private volatile Instant lastAttempt;

  RemoteCatalog(ExternalMcpServer server, RemoteSession session, Duration retryAfter, Clock clock) {
    this.server = Objects.requireNonNull(server, "server");
    this.session = Objects.requireNonNull(session, "session");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The cached tools without asking the server; null while they are unknown. */
  Map<String, RemoteTool> known() {
    return tools;
  }

  /** When discovery was last tried; null before the first try. */
  Instant lastAttempt() {
    return lastAttempt;
  }

  /**
   * The cached tools, discovering them when needed and allowed; null when they are still unknown.
   * {@code wait} queues behind a discovery in progress; without it a caller takes what is cached.
   */
  Map<String, RemoteTool> tools(boolean wait) {
    Map<String, RemoteTool> known = tools;
    if (known != null) {
      return known;
    }
    Instant attempted = lastAttempt;
    if (attempted != null && clock.instant().isBefore(attempted.plus(retryAfter))) {
      return null;
    }
    boolean locked = false;
    try {
      if (wait) {
        lock.lock();
        locked = true;
      } else {
        locked = lock.tryLock();
        if (!locked) {
          return tools; // someone else is discovering: do not queue a chat behind a slow server
        }
      }
      if (tools == null && lastAttempt == attempted) { // nobody tried while this thread waited
        discover();
      }
      return tools;
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  /**
   * Discovers the tools now, whatever the cache and the retry delay; whether the server answered.
   */
  boolean refresh() {
    lock.lock();
    try {
      return discover();
    } finally {
      lock.unlock();
    }
  }

  /** Lists the tools and caches them; called with the lock held. */
  private boolean discover() {
    lastAttempt = clock.instant();
    RemoteConnection connected = null;
    try {
      connected = session.connection();
      Map<String, RemoteTool> found = new LinkedHashMap<>();
      String cursor = null;
      int pages = 0;
      do {
        RemoteConnection.Page page = connected.listTools(cursor);
        for (RemoteConnection.Tool tool : page.tools()) {
          RemoteTool remote = RemoteTool.of(server.name(), tool);
          if (found.putIfAbsent(remote.spec().name(), remote) != null) {
            LOG.log(
                Level.WARNING,
                "MCP server "
                    + server.name()
                    + " has two tools named "
                    + remote.spec().name()
                    + " once namespaced; keeping the first");
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null && !cursor.isEmpty() && ++pages < MAX_PAGES);
      tools = Collections.unmodifiableMap(found);
      session.succeeded();
      return true;
    } catch (RuntimeException e) {
      String reason = session.failed(e);
      if (connected != null) {
        session.drop(connected);
      }
      LOG.log(
          Level.WARNING,
          "MCP server "
              + server.name()
              + " ("
              + server.url()
              + ") is unavailable, "
              + (tools == null ? "so the agent has none of its tools" : "keeping its cached tools")
              + ": "
              + reason);
      return false;
    }
  }
}
