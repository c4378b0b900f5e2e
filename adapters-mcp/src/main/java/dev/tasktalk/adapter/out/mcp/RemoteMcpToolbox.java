package dev.tasktalk.adapter.out.mcp;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tools of one external MCP server as a {@link Toolbox}, over the MCP SDK's synchronous clients
 * (connect timeout 5 s, request timeout 15 s by default) in whichever protocol era the server
 * speaks ({@link RemoteSession}).
 *
 * <ul>
 *   <li>The tools are discovered on first use ({@link #specs()}, {@link #call}, {@link #describe}
 *       or {@link #refresh()}) and then cached ({@link RemoteCatalog}). Each is named {@code
 *       <server>__<tool>} ({@link RemoteTool}), sanitised to {@code [A-Za-z0-9_-]} and cut to 64
 *       characters; a tool without hints counts as destructive, so the agent asks before calling
 *       it.
 *   <li>Arguments and results are translated by {@link RemoteOutcomes}; a result marked {@code
 *       isError} is an error outcome.
 *   <li>A server that is down or slow never throws out of this toolbox: {@link #specs()} returns
 *       what is cached (empty when the server was never reached; discovery is retried at most every
 *       {@code retryAfter}), and {@link #call} returns the error outcome "the {@code <server>} tool
 *       server is unavailable: {@code <reason>}" titled "Couldn't reach {@code <server>}". The
 *       connection is dropped after such a failure and made again on the next use.
 * </ul>
 */
public final class RemoteMcpToolbox implements Toolbox, AutoCloseable {

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  public static final String SEPARATOR = RemoteTool.SEPARATOR;

  private final ExternalMcpServer server;
  private final RemoteSession session;
  private final RemoteCatalog catalog;
  private final RemoteOutcomes outcomes;

  /**
   * The server with the default timeouts (connect 5 s, request 15 s, retry discovery after 30 s).
   */
  public RemoteMcpToolbox(ExternalMcpServer server) {
    this(server, CONNECT_TIMEOUT, REQUEST_TIMEOUT, RETRY_AFTER, Clock.systemUTC());
  }

  public RemoteMcpToolbox(
      ExternalMcpServer server,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration retryAfter,
      Clock clock) {
    this.server = Objects.requireNonNull(server, "server");
    this.session = new RemoteSession(server, connectTimeout, requestTimeout);
    this.catalog = new RemoteCatalog(server, session, retryAfter, clock);
    this.outcomes = new RemoteOutcomes(server.name());
  }

  public ExternalMcpServer server() {
    return server;
  }

  /**
   * The cached tools; discovers them first when they never were and the last attempt is old enough.
   */
  @Override
  public List<ToolSpec> specs() {
    Map<String, RemoteTool> known = catalog.tools(false);
    return known == null ? List.of() : known.values().stream().map(RemoteTool::spec).toList();
  }

  /**
   * Discovers the tools now, whatever the cache and the retry delay, and reports whether the server
   * answered. Never throws.
   */
  public boolean refresh() {
    return catalog.refresh();
  }

  /** The server's health as last seen; makes no request. */
  public RemoteMcpHealth health() {
    Map<String, RemoteTool> known = catalog.known();
    String error = session.lastError();
    if (catalog.lastAttempt() == null && error == null) {
      error = "not contacted yet";
    }
    return new RemoteMcpHealth(
        server.name(),
        server.url().toString(),
        session.reachable(),
        known == null ? 0 : known.size(),
        error,
        session.protocol());
  }

  @Override
  public ToolOutcome call(ToolContext context, String name, String arguments) {
    Prepared prepared = prepare(name, arguments);
    if (prepared.refusal() != null) {
      return prepared.refusal();
    }
    RemoteConnection connected;
    try {
      connected = session.connection();
    } catch (RuntimeException e) {
      return outcomes.unavailable(session.failed(e));
    }
    RemoteConnection.Result result;
    try {
      result = connected.callTool(prepared.tool().remoteName(), prepared.arguments());
    } catch (RemoteConnection.Refusal e) {
      session.succeeded();
      return outcomes.refused(prepared.tool(), e);
    } catch (RuntimeException e) {
      session.drop(connected);
      return outcomes.unavailable(session.failed(e));
    }
    session.succeeded();
    return outcomes.result(prepared.tool(), result);
  }

  @Override
  public ToolOutcome describe(ToolContext context, String name, String arguments) {
    Prepared prepared = prepare(name, arguments);
    return prepared.refusal() != null
        ? prepared.refusal()
        : outcomes.question(prepared.tool(), prepared.arguments());
  }

  @Override
  public void close() {
    session.close();
  }

  /**
   * {@code <server>__<tool>} with every character outside {@code [A-Za-z0-9_-]} as {@code _}, at
   * most 64 long.
   */
  public static String namespaced(String server, String tool) {
    return RemoteTool.namespaced(server, tool);
  }

  /** A call ready to send: the known tool and parsed arguments, or why it cannot be made. */
  private record Prepared(RemoteTool tool, Map<String, Object> arguments, ToolOutcome refusal) {}

  private Prepared prepare(String name, String arguments) {
    Map<String, RemoteTool> known = catalog.tools(true);
    if (known == null) {
      return new Prepared(null, null, outcomes.unavailable(session.lastError()));
    }
    RemoteTool tool = name == null ? null : known.get(name);
    if (tool == null) {
      return new Prepared(null, null, outcomes.unknown(name, known));
    }
    try {
      return new Prepared(tool, RemoteOutcomes.arguments(arguments), null);
    } catch (IllegalArgumentException e) {
      return new Prepared(tool, null, outcomes.badArguments(tool, e.getMessage()));
    }
  }
}
