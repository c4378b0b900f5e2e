package dev.tasktalk.adapter.out.mcp;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import io.modelcontextprotocol.spec.McpError;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools of one external MCP server as a {@link Toolbox}, over the MCP SDK's synchronous clients
 * (connect timeout 5 s, request timeout 15 s by default), in whichever protocol era the server speaks:
 * revision 2026-07-28 when it answers {@code server/discover}, else the classic Streamable HTTP
 * handshake ({@code initialize}, 2025-11-25 and older).
 *
 * <ul>
 *   <li>The tools are discovered on first use ({@link #specs()}, {@link #call}, {@link #describe} or
 *   {@link #refresh()}) and then cached. Each is named {@code <server>__<tool>}, sanitised to
 *   {@code [A-Za-z0-9_-]} and cut to 64 characters; its description starts with the server name, its input
 *   schema is passed through, and its hints map to the spec: {@code readOnly} from {@code readOnlyHint},
 *   {@code destructive} from {@code destructiveHint} (which, as in MCP, counts as true when absent on a tool
 *   that is not read-only, so the agent asks before calling it), {@code idempotent} from
 *   {@code idempotentHint}.</li>
 *   <li>A call's content is the remote result as JSON: its {@code structuredContent} when present, else
 *   its text content (as is when it is JSON, else as {@code {"text": …}}); a result marked {@code isError}
 *   is an error outcome.</li>
 *   <li>A server that is down or slow never throws out of this toolbox: {@link #specs()} returns what is
 *   cached (empty when the server was never reached; discovery is retried at most every
 *   {@code retryAfter}), and {@link #call} returns the error outcome "the {@code <server>} tool server is
 *   unavailable: {@code <reason>}" titled "Couldn't reach {@code <server>}". The connection is dropped after
 *   such a failure and made again on the next use.</li>
 * </ul>
 */
public final class RemoteMcpToolbox implements Toolbox, AutoCloseable {

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  public static final String SEPARATOR = "__";
  static final int MAX_NAME = 64;
  private static final int MAX_DESCRIPTION = 1_000;
  private static final int MAX_PAGES = 20;
  private static final int MAX_REASON = 300;

  private static final System.Logger LOG = System.getLogger(RemoteMcpToolbox.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final ExternalMcpServer server;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration retryAfter;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();

  private RemoteConnection client; // guarded by lock
  private volatile Map<String, RemoteTool> tools; // null until discovered
  private volatile Instant lastAttempt;
  private volatile boolean reachable;
  private volatile String lastError;
  private volatile String protocol;

  /** The server with the default timeouts (connect 5 s, request 15 s, retry discovery after 30 s). */
  public RemoteMcpToolbox(ExternalMcpServer server) {
    this(server, CONNECT_TIMEOUT, REQUEST_TIMEOUT, RETRY_AFTER, Clock.systemUTC());
  }

  public RemoteMcpToolbox(ExternalMcpServer server, Duration connectTimeout, Duration requestTimeout,
      Duration retryAfter, Clock clock) {
    this.server = Objects.requireNonNull(server, "server");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ExternalMcpServer server() {
    return server;
  }

  /** The cached tools; discovers them first when they never were and the last attempt is old enough. */
  @Override
  public List<ToolSpec> specs() {
    Map<String, RemoteTool> known = discovered(false);
    return known == null ? List.of() : known.values().stream().map(RemoteTool::spec).toList();
  }

  /**
   * Discovers the tools now, whatever the cache and the retry delay, and reports whether the server
   * answered. Never throws.
   */
  public boolean refresh() {
    lock.lock();
    try {
      return discover();
    } finally {
      lock.unlock();
    }
  }

  /** The server's health as last seen; makes no request. */
  public RemoteMcpHealth health() {
    Map<String, RemoteTool> known = tools;
    String error = lastError;
    if (lastAttempt == null && error == null) {
      error = "not contacted yet";
    }
    return new RemoteMcpHealth(server.name(), server.url().toString(), reachable,
        known == null ? 0 : known.size(), error, protocol);
  }

  /** A call ready to send: the known tool and parsed arguments, or why it cannot be made. */
  private record Prepared(RemoteTool tool, Map<String, Object> arguments, ToolOutcome refusal) {}

  private Prepared prepare(String name, String arguments) {
    Map<String, RemoteTool> known = discovered(true);
    if (known == null) {
      return new Prepared(null, null, unavailable(lastError));
    }
    RemoteTool tool = name == null ? null : known.get(name);
    if (tool == null) {
      return new Prepared(null, null, unknown(name, known));
    }
    try {
      return new Prepared(tool, parseArguments(arguments), null);
    } catch (IllegalArgumentException e) {
      return new Prepared(tool, null, new ToolOutcome(true, error(e.getMessage()),
          "Couldn't run " + tool.label() + ": " + e.getMessage()));
    }
  }

  @Override
  public ToolOutcome call(ToolContext context, String name, String arguments) {
    Prepared prepared = prepare(name, arguments);
    if (prepared.refusal() != null) {
      return prepared.refusal();
    }
    RemoteTool tool = prepared.tool();
    Map<String, Object> parsed = prepared.arguments();
    RemoteConnection connected;
    try {
      connected = connected();
    } catch (RuntimeException e) {
      return unavailable(failed(e));
    }
    RemoteConnection.Result result;
    try {
      result = connected.callTool(tool.remoteName(), parsed);
    } catch (RuntimeException e) {
      if (e instanceof RemoteConnection.Refusal) {
        String reason = shorten(messageOf(e));
        succeeded();
        return new ToolOutcome(true, error(tool.remoteName() + " failed on " + server.name() + ": " + reason),
            "Couldn't run " + tool.label() + ": " + reason);
      }
      drop(connected);
      return unavailable(failed(e));
    }
    succeeded();
    return outcome(tool, result);
  }

  @Override
  public ToolOutcome describe(ToolContext context, String name, String arguments) {
    Prepared prepared = prepare(name, arguments);
    if (prepared.refusal() != null) {
      return prepared.refusal();
    }
    RemoteTool tool = prepared.tool();
    Map<String, Object> parsed = prepared.arguments();
    String shown = parsed.isEmpty() ? "" : " with " + shorten(write(parsed));
    var content = JSON.createObjectNode().put("server", server.name()).put("tool", tool.remoteName());
    content.set("arguments", JSON.valueToTree(parsed));
    return new ToolOutcome(false, write(content), "Run " + tool.label() + shown + "?");
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

  // --- discovery ---

  /** The cached tools, discovering them when needed and allowed; null when they are still unknown. */
  private Map<String, RemoteTool> discovered(boolean wait) {
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

  /** Lists the tools and caches them; called with the lock held. */
  private boolean discover() {
    lastAttempt = clock.instant();
    RemoteConnection connected = null;
    try {
      connected = connectedLocked();
      Map<String, RemoteTool> found = new LinkedHashMap<>();
      String cursor = null;
      int pages = 0;
      do {
        RemoteConnection.Page page = connected.listTools(cursor);
        for (RemoteConnection.Tool tool : page.tools()) {
          RemoteTool remote = toRemote(tool);
          if (found.putIfAbsent(remote.spec().name(), remote) != null) {
            LOG.log(Level.WARNING, "MCP server " + server.name() + " has two tools named "
                + remote.spec().name() + " once namespaced; keeping the first");
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null && !cursor.isEmpty() && ++pages < MAX_PAGES);
      tools = java.util.Collections.unmodifiableMap(found);
      succeeded();
      return true;
    } catch (RuntimeException e) {
      String reason = failed(e);
      if (connected != null) {
        closeQuietly(connected);
        client = null;
      }
      LOG.log(Level.WARNING, "MCP server " + server.name() + " (" + server.url() + ") is unavailable, "
          + (tools == null ? "so the agent has none of its tools" : "keeping its cached tools") + ": " + reason);
      return false;
    }
  }

  private RemoteTool toRemote(RemoteConnection.Tool tool) {
    boolean readOnly = Boolean.TRUE.equals(tool.readOnlyHint());
    boolean destructive = !readOnly && (tool.destructiveHint() == null || tool.destructiveHint());
    boolean idempotent = Boolean.TRUE.equals(tool.idempotentHint());
    String title = tool.title() != null && !tool.title().isBlank() ? tool.title()
        : tool.hintTitle() != null && !tool.hintTitle().isBlank() ? tool.hintTitle() : tool.name();
    String description = tool.description() == null || tool.description().isBlank() ? title : tool.description();
    description = "[" + server.name() + " MCP server] " + description;
    if (description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
    String input = tool.inputSchema() == null ? "{\"type\":\"object\"}" : write(tool.inputSchema());
    String output = tool.outputSchema() == null ? null : write(tool.outputSchema());
    ToolSpec spec = new ToolSpec(namespaced(server.name(), tool.name()), description, input, output, readOnly,
        destructive, idempotent);
    return new RemoteTool(tool.name(), spec, "‘" + title + "’ on " + server.name());
  }

  /** {@code <server>__<tool>} with every character outside {@code [A-Za-z0-9_-]} as {@code _}, at most 64 long. */
  public static String namespaced(String server, String tool) {
    String name = (server + SEPARATOR + tool).replaceAll("[^A-Za-z0-9_-]", "_");
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  // --- connection ---

  private RemoteConnection connected() {
    lock.lock();
    try {
      return connectedLocked();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The open connection, or a new one: revision 2026-07-28 when the server answers
   * {@code server/discover}, else the classic handshake. A server that cannot be reached at all is not
   * asked twice.
   */
  private RemoteConnection connectedLocked() {
    if (client != null) {
      return client;
    }
    RemoteConnection created;
    try {
      created = ModernConnection.open(server.url(), server.token(), connectTimeout, requestTimeout, JSON);
    } catch (RuntimeException modern) {
      if (unreachable(modern)) {
        throw modern;
      }
      LOG.log(Level.DEBUG, "MCP server " + server.name() + " does not speak " + ModernConnection.REVISION
          + " (" + shorten(reasonOf(modern)) + "); using the classic handshake");
      created = ClassicConnection.open(server.url(), server.token(), connectTimeout, requestTimeout, JSON);
    }
    protocol = created.revision();
    LOG.log(Level.INFO, "MCP server " + server.name() + " connected with protocol revision " + protocol);
    client = created;
    return created;
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException
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

  private void drop(RemoteConnection failed) {
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

  private static void closeQuietly(RemoteConnection closing) {
    try {
      closing.close();
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "closing an MCP client failed", e);
    }
  }

  private void succeeded() {
    reachable = true;
    lastError = null;
  }

  private String failed(RuntimeException e) {
    String reason = shorten(reasonOf(e));
    reachable = false;
    lastError = reason;
    return reason;
  }

  // --- outcomes ---

  private ToolOutcome outcome(RemoteTool tool, RemoteConnection.Result result) {
    boolean isError = result.isError();
    String text = result.text() == null ? "" : result.text();
    String content;
    if (result.structuredContent() != null && !isError) {
      content = write(result.structuredContent());
    } else if (isError) {
      content = error(text.isBlank() ? "the tool reported an error" : text);
    } else {
      content = asJson(text);
    }
    if (isError) {
      String reason = shorten(text.isBlank() ? "the tool reported an error" : text);
      return new ToolOutcome(true, content, "Couldn't run " + tool.label() + ": " + reason);
    }
    return new ToolOutcome(false, content, "Ran " + tool.label());
  }

  /** The text itself when it is one JSON object or array, else {@code {"text": text}}. */
  private static String asJson(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return write(JSON.readTree(trimmed));
      } catch (JacksonException e) {
        // not JSON after all
      }
    }
    return write(JSON.createObjectNode().put("text", text));
  }

  private ToolOutcome unavailable(String reason) {
    String why = reason == null ? "it has not answered yet" : reason;
    return new ToolOutcome(true, error("the " + server.name() + " tool server is unavailable: " + why),
        "Couldn't reach " + server.name());
  }

  private ToolOutcome unknown(String name, Map<String, RemoteTool> known) {
    return new ToolOutcome(true, error("unknown tool " + name + "; the tools are "
        + String.join(", ", known.keySet())), "Couldn't run an unknown tool");
  }

  private static Map<String, Object> parseArguments(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JSON.readTree(arguments);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the arguments are not valid JSON");
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("the arguments must be a JSON object");
    }
    return JSON.convertValue(node, OBJECT);
  }

  // --- failures ---

  private static String messageOf(Throwable e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A short reason a person can read: a timeout, a refused connection or the root cause's message. */
  static String reasonOf(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
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
    return message.contains("Did not observe any item or terminal signal") ? "no answer in time" : message;
  }

  private static String shorten(String text) {
    String single = text.replaceAll("\\s+", " ").strip();
    return single.length() <= MAX_REASON ? single : single.substring(0, MAX_REASON - 1) + "…";
  }

  private static String error(String message) {
    return write(JSON.createObjectNode().put("error", message));
  }

  private static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  /** A tool as the server names it, with its namespaced spec and how titles name it. */
  private record RemoteTool(String remoteName, ToolSpec spec, String label) {}
}
