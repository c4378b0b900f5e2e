package dev.tasktalk.bootstrap.mcp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The MCP endpoint's settings from MicroProfile Config (so each is an environment variable too):
 * allowed hosts and origins, the authorization servers to advertise, and the public base URL.
 */
public record McpSettings(
    List<String> allowedHosts,
    List<String> allowedOrigins,
    List<String> authorizationServers,
    Optional<String> issuer,
    Optional<String> publicBaseUrl) {

  public static final String ALLOWED_HOSTS = "MCP_ALLOWED_HOSTS";
  public static final String ALLOWED_ORIGINS = "MCP_ALLOWED_ORIGINS";
  public static final String AUTHORIZATION_SERVERS = "MCP_AUTHORIZATION_SERVERS";
  public static final String ISSUER = "mp.jwt.verify.issuer";
  public static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";

  public McpSettings {
    allowedHosts = List.copyOf(allowedHosts);
    allowedOrigins = List.copyOf(allowedOrigins);
    authorizationServers = List.copyOf(authorizationServers);
  }

  /** The settings as configured now; none when no Config is available (plain unit tests). */
  public static McpSettings current() {
    Config config;
    try {
      config = ConfigProvider.getConfig();
    } catch (RuntimeException | java.util.ServiceConfigurationError e) {
      return load(key -> Optional.empty());
    }
    return load(key -> config.getOptionalValue(key, String.class));
  }

  public static McpSettings load(Function<String, Optional<String>> lookup) {
    Function<String, Optional<String>> value =
        key -> lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    return new McpSettings(
        value.apply(ALLOWED_HOSTS).map(McpSettings::list).orElse(List.of()),
        value.apply(ALLOWED_ORIGINS).map(McpSettings::list).orElse(List.of()),
        value.apply(AUTHORIZATION_SERVERS).map(McpSettings::list).orElse(List.of()),
        value.apply(ISSUER),
        value.apply(PUBLIC_BASE_URL).map(url -> url.replaceAll("/+$", "")));
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }
}
