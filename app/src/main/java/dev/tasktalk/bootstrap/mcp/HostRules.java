package dev.tasktalk.bootstrap.mcp;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Host and Origin values the MCP endpoint accepts, against DNS rebinding: the configured lists,
 * else localhost and 127.0.0.1 on any port plus the host of the public base URL. A {@code :*} port
 * matches any port.
 */
final class HostRules {

  private static final List<String> LOCAL = List.of("localhost", "127.0.0.1", "[::1]");

  private final List<String> hosts;
  private final List<String> origins;

  HostRules(McpSettings settings) {
    List<String> publicHost = settings.publicBaseUrl().map(HostRules::hostOf).stream().toList();
    if (settings.allowedHosts().isEmpty()) {
      List<String> defaults = new ArrayList<>();
      LOCAL.forEach(host -> defaults.add(host + ":*"));
      publicHost.forEach(host -> defaults.add(host + ":*"));
      this.hosts = defaults;
    } else {
      this.hosts = lower(settings.allowedHosts());
    }
    if (settings.allowedOrigins().isEmpty()) {
      List<String> defaults = new ArrayList<>();
      for (String host : concat(LOCAL, publicHost)) {
        defaults.add("http://" + host + ":*");
        defaults.add("https://" + host + ":*");
      }
      this.origins = defaults;
    } else {
      this.origins = lower(settings.allowedOrigins());
    }
  }

  boolean hostAllowed(String host) {
    return host != null && matches(hosts, host.strip().toLowerCase(Locale.ROOT));
  }

  boolean originAllowed(String origin) {
    return origin != null && matches(origins, origin.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""));
  }

  // "name:*" matches name with or without a port; anything else must match exactly.
  private static boolean matches(List<String> allowed, String value) {
    for (String rule : allowed) {
      if (rule.equals(value)) {
        return true;
      }
      if (rule.endsWith(":*")) {
        String prefix = rule.substring(0, rule.length() - 2);
        if (value.equals(prefix)
            || (value.startsWith(prefix + ":") && value.substring(prefix.length() + 1).matches("\\d{1,5}"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT).replaceAll("/+$", "")).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(java.util.Objects::nonNull).forEach(all::add);
    return all;
  }
}
