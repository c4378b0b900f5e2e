package dev.tasktalk.launcher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's configuration: a key is read from a system property first, then from the
 * environment, as MicroProfile Config does; blank values count as unset.
 */
final class Settings {

  static final int DEFAULT_PORT = 8080;

  private final Map<String, String> environment;
  private final Map<String, String> systemProperties;

  Settings(Map<String, String> environment, Map<String, String> systemProperties) {
    this.environment = Map.copyOf(environment);
    this.systemProperties = Map.copyOf(systemProperties);
  }

  static Settings fromSystem() {
    Properties properties = System.getProperties();
    Map<String, String> copy = new java.util.HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      copy.put(name, properties.getProperty(name));
    }
    return new Settings(System.getenv(), copy);
  }

  Optional<String> get(String key) {
    return systemProperty(key).or(() -> nonBlank(environment.get(key)));
  }

  Optional<String> systemProperty(String key) {
    return nonBlank(systemProperties.get(key));
  }

  int port() {
    String value = get("PORT").orElse(null);
    if (value == null) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LaunchException("PORT must be a number from 1 to 65535, got '" + value + "'");
  }

  /** {@code TASKTALK_DATA_DIR}, default {@code ./data}, as an absolute path. */
  Path dataDirectory() {
    return Path.of(get("TASKTALK_DATA_DIR").orElse("data")).toAbsolutePath().normalize();
  }

  /**
   * {@code TASKTALK_DB_FSYNC}, default {@code on}: whether the embedded PostgreSQL flushes commits
   * to disk; {@code off} is faster and loses acknowledged writes on a power cut or OS crash.
   */
  boolean databaseFsync() {
    String value = get("TASKTALK_DB_FSYNC").orElse("on");
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new LaunchException("TASKTALK_DB_FSYNC must be on or off, got '" + value + "'");
    };
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
