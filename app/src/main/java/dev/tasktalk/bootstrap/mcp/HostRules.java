package dev.tasktalk.bootstrap.mcp;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Host and Origin values the MCP endpoint accepts, against DNS rebinding: the configured lists,
 * else localhost, 127.0.0.1 and [::1] plus the host of the public base URL, on any port. The MCP
 * SDK's validator does the matching ({@code :*} matches any port); values are compared in lower
 * case, without a trailing slash.
 */
final class HostRules {

  private final ServerTransportSecurityValidator validator;

  HostRules(McpSettings settings) {
    List<String> local = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));
    settings.publicBaseUrl().map(HostRules::hostOf).ifPresent(local::add);
    List<String> origins =
        local.stream().flatMap(host -> Stream.of("http://" + host, "https://" + host)).toList();
    this.validator =
        DefaultServerTransportSecurityValidator.builder()
            .allowedHosts(orAnyPort(settings.allowedHosts(), local))
            .allowedOrigins(orAnyPort(settings.allowedOrigins(), origins))
            .build();
  }

  /** Why these headers are refused ("Host not allowed", "Origin not allowed"), or null. */
  String refusal(String host, String origin) {
    Map<String, List<String>> headers = new HashMap<>();
    if (host != null) {
      headers.put("Host", List.of(host.strip().toLowerCase(Locale.ROOT)));
    }
    if (!allowed(headers)) {
      return "Host not allowed";
    } else if (origin == null) {
      return null;
    }
    // The SDK would wave a blank Origin through; it counts as the opaque origin "null" here.
    headers.put("Origin", List.of(origin.isBlank() ? "null" : normalise(origin)));
    return allowed(headers) ? null : "Origin not allowed";
  }

  private boolean allowed(Map<String, List<String>> headers) {
    try {
      validator.validateHeaders(headers);
      return true;
    } catch (ServerTransportSecurityException e) {
      return false;
    }
  }

  private static List<String> orAnyPort(List<String> configured, List<String> defaults) {
    return configured.isEmpty()
        ? defaults.stream().map(value -> normalise(value) + ":*").toList()
        : configured.stream().map(HostRules::normalise).toList();
  }

  private static String normalise(String value) {
    return value.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
  }

  private static String hostOf(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null; // not a URL: no host to add
    }
  }
}
