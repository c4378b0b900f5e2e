package dev.tasktalk.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database the application will use, as the {@code TASKTALK_DB_*} variables handed to Payara;
 * the description is safe to print because it never holds the password.
 */
record DatabaseConnection(
    Mode mode, String jdbcUrl, String user, String password, String description) {

  /** Whether the launcher runs the database itself or the user brought one. */
  enum Mode {
    EMBEDDED,
    EXTERNAL;

    String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final List<String> VARIABLES =
      List.of("TASKTALK_DB_URL", "TASKTALK_DB_USER", "TASKTALK_DB_PASSWORD", "TASKTALK_DB_MODE");

  /** The variables to set for the child; a missing user or password is left unset. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("TASKTALK_DB_URL", jdbcUrl);
    if (user != null) {
      environment.put("TASKTALK_DB_USER", user);
    }
    if (password != null) {
      environment.put("TASKTALK_DB_PASSWORD", password);
    }
    environment.put("TASKTALK_DB_MODE", mode.value());
    return environment;
  }

  @Override
  public String toString() {
    return "DatabaseConnection[" + mode.value() + ", " + description + "]";
  }
}
