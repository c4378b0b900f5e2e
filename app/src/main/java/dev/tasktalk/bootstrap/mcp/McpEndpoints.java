package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The MCP paths and the absolute URLs derived from them: the resource and its metadata document.
 */
public final class McpEndpoints {

  public static final String MCP = "/mcp";
  public static final String METADATA = "/.well-known/oauth-protected-resource";
  public static final String MCP_METADATA = METADATA + MCP;

  private McpEndpoints() {}

  /**
   * {@code PUBLIC_BASE_URL} when set, else the scheme, host and context path the request came in
   * on.
   */
  public static String base(HttpServletRequest request, McpSettings settings) {
    return settings
        .publicBaseUrl()
        .orElseGet(
            () -> {
              String scheme = request.getScheme();
              int port = request.getServerPort();
              boolean defaultPort =
                  port <= 0
                      || ("http".equals(scheme) && port == 80)
                      || ("https".equals(scheme) && port == 443);
              String host = request.getServerName();
              if (host.contains(":") && !host.startsWith("[")) {
                host = "[" + host + "]";
              }
              return scheme
                  + "://"
                  + host
                  + (defaultPort ? "" : ":" + port)
                  + request.getContextPath();
            });
  }

  public static String resource(HttpServletRequest request, McpSettings settings) {
    return base(request, settings) + MCP;
  }

  /** The URL a 401 or 403 on {@code /mcp} names as {@code resource_metadata}. */
  public static String metadataUrl(HttpServletRequest request, McpSettings settings) {
    return base(request, settings) + MCP_METADATA;
  }
}
