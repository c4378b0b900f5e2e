package dev.tasktalk.adapter.out.mcp;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The tools of one external MCP server as a {@link Toolbox}, over the MCP SDK's synchronous client and
 * Streamable HTTP transport (connect timeout 5 s, request timeout 15 s by default).
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

  private McpSyncClient client; // guarded by lock
  private volatile Map<String, RemoteTool> tools; // null until discovered
  private volatile Instant lastAttempt;
  private volatile boolean reachable;
  private volatile String lastError;

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
        known == null ? 0 : known.size(), error);
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
    McpSyncClient connected;
    try {
      connected = connected();
    } catch (RuntimeException e) {
      return unavailable(failed(e));
    }
    McpSchema.CallToolResult result;
    try {
      result = connected.callTool(new McpSchema.CallToolRequest(tool.remoteName(), parsed));
    } catch (RuntimeException e) {
      if (isRefusal(e)) {
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
    McpSyncClient connected = null;
    try {
      connected = connectedLocked();
      Map<String, RemoteTool> found = new LinkedHashMap<>();
      String cursor = null;
      int pages = 0;
      do {
        McpSchema.ListToolsResult page = cursor == null ? connected.listTools() : connected.listTools(cursor);
        for (McpSchema.Tool tool : page.tools() == null ? List.<McpSchema.Tool>of() : page.tools()) {
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

  private RemoteTool toRemote(McpSchema.Tool tool) {
    McpSchema.ToolAnnotations hints = tool.annotations();
    boolean readOnly = hints != null && Boolean.TRUE.equals(hints.readOnlyHint());
    boolean destructive = !readOnly && (hints == null || hints.destructiveHint() == null
        || hints.destructiveHint());
    boolean idempotent = hints != null && Boolean.TRUE.equals(hints.idempotentHint());
    String title = tool.title() != null && !tool.title().isBlank() ? tool.title()
        : hints != null && hints.title() != null && !hints.title().isBlank() ? hints.title() : tool.name();
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

  private McpSyncClient connected() {
    lock.lock();
    try {
      return connectedLocked();
    } finally {
      lock.unlock();
    }
  }

  private McpSyncClient connectedLocked() {
    if (client != null) {
      return client;
    }
    URI url = server.url();
    String base = url.getScheme() + "://" + url.getRawAuthority();
    String endpoint = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(base)
        .endpoint(endpoint)
        .connectTimeout(connectTimeout)
        .jsonMapper(new JacksonMcpJsonMapper(JSON));
    String token = server.token();
    if (token != null) {
      transport.httpRequestCustomizer((request, method, uri, body, context) ->
          request.header("Authorization", "Bearer " + token));
    }
    McpSyncClient created = McpClient.sync(transport.build())
        .requestTimeout(requestTimeout)
        .initializationTimeout(requestTimeout)
        .clientInfo(new McpSchema.Implementation("tasktalk", "Tasktalk", "1"))
        .build();
    try {
      created.initialize();
    } catch (RuntimeException e) {
      closeQuietly(created);
      throw e;
    }
    client = created;
    return created;
  }

  private void drop(McpSyncClient failed) {
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

  private static void closeQuietly(McpSyncClient closing) {
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

  private ToolOutcome outcome(RemoteTool tool, McpSchema.CallToolResult result) {
    boolean isError = Boolean.TRUE.equals(result.isError());
    String content;
    if (result.structuredContent() != null && !isError) {
      content = write(result.structuredContent());
    } else {
      String text = text(result.content());
      if (isError) {
        content = error(text.isBlank() ? "the tool reported an error" : text);
      } else {
        content = asJson(text);
      }
    }
    if (isError) {
      String reason = shorten(text(result.content()).isBlank() ? "the tool reported an error" : text(result.content()));
      return new ToolOutcome(true, content, "Couldn't run " + tool.label() + ": " + reason);
    }
    return new ToolOutcome(false, content, "Ran " + tool.label());
  }

  private static String text(List<McpSchema.Content> contents) {
    if (contents == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (McpSchema.Content content : contents) {
      if (content instanceof McpSchema.TextContent text) {
        parts.add(text.text());
      } else if (content instanceof McpSchema.ImageContent image) {
        parts.add("[image " + image.mimeType() + "]");
      } else if (content instanceof McpSchema.AudioContent audio) {
        parts.add("[audio " + audio.mimeType() + "]");
      } else if (content instanceof McpSchema.ResourceLink link) {
        parts.add("[resource " + link.uri() + "]");
      } else if (content instanceof McpSchema.EmbeddedResource resource) {
        McpSchema.ResourceContents embedded = resource.resource();
        parts.add(embedded instanceof McpSchema.TextResourceContents text ? text.text()
            : "[resource " + embedded.uri() + "]");
      }
    }
    return String.join("\n", parts);
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

  /** Whether the server answered the call with a JSON-RPC error, as opposed to not answering at all. */
  private static boolean isRefusal(RuntimeException e) {
    if (!(e instanceof McpError error) || error.getJsonRpcError() == null) {
      return false;
    }
    Throwable root = McpError.findRootCause(e);
    return root == e || !(root instanceof IOException || root instanceof TimeoutException);
  }

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
