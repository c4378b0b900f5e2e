package dev.tasktalk.adapter.out.mcp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The external MCP servers whose tools the agent may use, read from configuration (the environment
 * variable {@value #VARIABLE}), each with its {@link RemoteMcpToolbox}.
 *
 * <p>The configuration text is either a list of entries separated by commas or newlines:
 *
 * <pre>
 * MCP_SERVERS=weather=https://weather.example.com/mcp,github=https://api.githubcopilot.com/mcp/|ghp_secret
 * </pre>
 *
 * where each entry is {@code name=url} or {@code name=url|token} ({@code token} is sent as {@code
 * Authorization: Bearer <token>}); blank entries and lines starting with {@code #} are ignored, and
 * neither URLs nor tokens may contain a comma in this form. Or it is a JSON array:
 *
 * <pre>
 * [{"name": "weather", "url": "https://weather.example.com/mcp"},
 *  {"name": "github", "url": "https://api.githubcopilot.com/mcp/", "token": "ghp_secret"}]
 * </pre>
 *
 * <p>A name is 1 to 40 letters, digits, {@code _} or {@code -}, unique, and prefixes the server's
 * tools ({@code weather__forecast}); the URL is the full Streamable HTTP endpoint. A malformed
 * configuration is an {@link IllegalArgumentException} whose message never shows a token. Blank or
 * absent text means no servers.
 */
public final class ExternalMcpServers implements AutoCloseable {

  public static final String VARIABLE = "MCP_SERVERS";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<ExternalMcpServer> servers;
  private final List<RemoteMcpToolbox> toolboxes;

  /** The servers with a toolbox each, with the default timeouts (connect 5 s, request 15 s). */
  public ExternalMcpServers(List<ExternalMcpServer> servers) {
    this(
        servers,
        RemoteMcpToolbox.CONNECT_TIMEOUT,
        RemoteMcpToolbox.REQUEST_TIMEOUT,
        RemoteMcpToolbox.RETRY_AFTER);
  }

  public ExternalMcpServers(
      List<ExternalMcpServer> servers,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration retryAfter) {
    this.servers = List.copyOf(servers);
    Set<String> names = new HashSet<>();
    this.servers.forEach(
        server -> {
          if (!names.add(server.name())) {
            throw new IllegalArgumentException("two MCP servers are named " + server.name());
          }
        });
    this.toolboxes =
        this.servers.stream()
            .map(
                server ->
                    new RemoteMcpToolbox(
                        server, connectTimeout, requestTimeout, retryAfter, Clock.systemUTC()))
            .toList();
  }

  /** The servers in {@code text} (see the class description); none when it is null or blank. */
  public static ExternalMcpServers parse(String text) {
    return new ExternalMcpServers(servers(text));
  }

  /** The servers in {@code text}, in order, without toolboxes. */
  public static List<ExternalMcpServer> servers(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String trimmed = text.strip();
    return trimmed.startsWith("[") ? fromJson(trimmed) : fromList(trimmed);
  }

  private static List<ExternalMcpServer> fromList(String text) {
    List<ExternalMcpServer> servers = new ArrayList<>();
    int position = 0;
    for (String raw : text.split("[,\\n\\r]+")) {
      String entry = raw.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      position++;
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            VARIABLE + " entry " + position + " is not name=url or name=url|token");
      }
      String name = entry.substring(0, equals).strip();
      String rest = entry.substring(equals + 1).strip();
      int bar = rest.indexOf('|');
      String url = bar < 0 ? rest : rest.substring(0, bar).strip();
      String token = bar < 0 ? null : rest.substring(bar + 1).strip();
      servers.add(server(name, url, token, position));
    }
    return servers;
  }

  private static List<ExternalMcpServer> fromJson(String text) {
    JsonNode array;
    try {
      array = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(VARIABLE + " starts with [ but is not a JSON array");
    }
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException(VARIABLE + " starts with [ but is not a JSON array");
    }
    List<ExternalMcpServer> servers = new ArrayList<>();
    int position = 0;
    for (JsonNode entry : array) {
      position++;
      if (!entry.isObject() || !entry.path("name").isString() || !entry.path("url").isString()) {
        throw new IllegalArgumentException(
            VARIABLE
                + " entry "
                + position
                + " needs a string name and url (and optionally a string token)");
      }
      JsonNode token = entry.path("token");
      servers.add(
          server(
              entry.path("name").asString().strip(),
              entry.path("url").asString().strip(),
              token.isString() ? token.asString() : null,
              position));
    }
    return servers;
  }

  private static ExternalMcpServer server(String name, String url, String token, int position) {
    try {
      return new ExternalMcpServer(name, url, token);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(VARIABLE + " entry " + position + ": " + e.getMessage());
    }
  }

  /**
   * One toolbox per server, in order; each is a {@code Toolbox} that never throws when its server
   * is down.
   */
  public List<RemoteMcpToolbox> toolboxes() {
    return toolboxes;
  }

  public boolean isEmpty() {
    return servers.isEmpty();
  }

  /** Each server's health as last seen, for {@code /api/chatkit/health}; makes no request. */
  public List<RemoteMcpHealth> health() {
    return toolboxes.stream().map(RemoteMcpToolbox::health).toList();
  }

  /**
   * Contacts every server now and caches its tools (in parallel, each bounded by the timeouts); the
   * names of all the tools found, namespaced. Never throws.
   */
  public List<String> refresh() {
    toolboxes.parallelStream().forEach(RemoteMcpToolbox::refresh);
    return toolNames();
  }

  /**
   * The namespaced names of the tools known, server by server (a server never tried is tried
   * first).
   */
  public List<String> toolNames() {
    return toolboxes.stream()
        .flatMap(toolbox -> toolbox.specs().stream())
        .map(spec -> spec.name())
        .toList();
  }

  @Override
  public void close() {
    toolboxes.forEach(RemoteMcpToolbox::close);
  }

  @Override
  public String toString() {
    return "ExternalMcpServers" + servers;
  }
}
