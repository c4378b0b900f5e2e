package dev.tasktalk.adapter.out.mcp;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One external MCP server the agent may use: its {@code name} (letters, digits, {@code _} and
 * {@code -}; it prefixes the server's tool names), the full URL of its Streamable HTTP endpoint
 * (such as {@code https://mcp.example.com/mcp}) and an optional bearer token. {@link #toString()}
 * never shows the token.
 */
public record ExternalMcpServer(String name, URI url, String token) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  public ExternalMcpServer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an MCP server name must be 1 to 40 letters, digits, _ or -: " + name);
    }
    String scheme = url.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
        || url.getHost() == null) {
      throw new IllegalArgumentException(
          "the MCP server " + name + " needs an http(s) URL, not " + url);
    }
    token = token == null || token.isBlank() ? null : token.strip();
  }

  public ExternalMcpServer(String name, String url, String token) {
    this(name, URI.create(url.strip()), token);
  }

  @Override
  public String toString() {
    return "ExternalMcpServer[name="
        + name
        + ", url="
        + url
        + ", token="
        + (token == null ? "none" : "***")
        + "]";
  }
}
