package dev.tasktalk.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What Payara's environment gets on top of the launcher's own: the chosen database, the port and
 * data directory, the dev-login secret when no auth is configured, and auth keys the user gave as
 * {@code -D} properties (which a child process would not otherwise see).
 */
record ChildEnvironment(
    Settings settings,
    int port,
    Path dataDirectory,
    DatabaseConnection database,
    AuthMode auth,
    String devSecret) {

  void applyTo(Map<String, String> environment) {
    environment.put("PORT", Integer.toString(port));
    environment.put("TASKTALK_DATA_DIR", dataDirectory.toString());
    DatabaseConnection.VARIABLES.forEach(environment::remove);
    environment.putAll(database.environment());
    for (String key : AuthMode.configurationKeys()) {
      settings.systemProperty(key).ifPresent(value -> environment.put(key, value));
    }
    if (auth == AuthMode.DEV_LOGIN) {
      environment.put("JWT_SECRET", devSecret);
      environment.put("TASKTALK_DEV_LOGIN", "true");
    }
  }
}
