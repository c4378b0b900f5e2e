package dev.tasktalk.adapter.out.mcp;

/**
 * How an external MCP server fared the last time it was contacted, for {@code /api/chatkit/health}:
 * {@code reachable} is whether that contact worked, {@code toolCount} how many of its tools the
 * agent has (cached), and {@code lastError} the last failure's reason (null when the last contact
 * worked or none was made yet), {@code protocol} the MCP revision of the last connection
 * (2026-07-28 or a classic one; null before any). It never holds the token.
 */
public record RemoteMcpHealth(
    String name, String url, boolean reachable, int toolCount, String lastError, String protocol) {

  public RemoteMcpHealth(
      String name, String url, boolean reachable, int toolCount, String lastError) {
    this(name, url, reachable, toolCount, lastError, null);
  }
}
