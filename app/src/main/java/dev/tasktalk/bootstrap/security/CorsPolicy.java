package dev.tasktalk.bootstrap.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which other origins' browser apps may call the server, from {@code CORS_ORIGINS}: exact origins
 * ({@code https://app.example}, {@code http://localhost:5173}), comma-separated, or {@code *}.
 * Unset means none: the server then answers same-origin pages only, as before.
 */
record CorsPolicy(boolean anyOrigin, Set<String> origins) {

  static final String SETTING = "CORS_ORIGINS";

  static CorsPolicy none() {
    return new CorsPolicy(false, Set.of());
  }

  /**
   * @throws IllegalArgumentException naming the entry that is not an origin, so the server refuses
   *     to start with a setting it would silently misread
   */
  static CorsPolicy parse(Optional<String> setting) {
    if (setting.isEmpty() || setting.get().isBlank()) {
      return none();
    }
    Set<String> origins = new LinkedHashSet<>();
    boolean any = false;
    for (String entry :
        Arrays.stream(setting.get().split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList()) {
      if (entry.equals("*")) {
        any = true;
      } else {
        origins.add(
            normalize(entry)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            SETTING
                                + ": '"
                                + entry
                                + "' is not an origin; write scheme://host[:port] (e.g."
                                + " http://localhost:5173) or *")));
      }
    }
    return new CorsPolicy(any, Set.copyOf(origins));
  }

  boolean enabled() {
    return anyOrigin || !origins.isEmpty();
  }

  boolean allows(String origin) {
    return anyOrigin || normalize(origin).map(origins::contains).orElse(false);
  }

  /**
   * {@code scheme://host[:port]} in lower case without the scheme's default port, as browsers send
   * it; empty for anything else (a path, a query, user info, another scheme).
   */
  static Optional<String> normalize(String origin) {
    String candidate = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    try {
      URI uri = new URI(candidate);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
