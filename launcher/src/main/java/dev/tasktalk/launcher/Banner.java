package dev.tasktalk.launcher;

import java.time.Duration;
import java.util.Locale;

/**
 * The start-up banner: where the product answers, which database and auth it uses, how long it
 * took, and in dev-login mode a curl command to paste.
 */
record Banner(int port, DatabaseConnection database, AuthMode auth) {

  static final String READY_LINE = "Tasktalk is ready";

  String render(Duration timeToReady) {
    String base = "http://localhost:" + port;
    StringBuilder text =
        new StringBuilder()
            .append('\n')
            .append(READY_LINE)
            .append(" at ")
            .append(base)
            .append("/ (started in ")
            .append(String.format(Locale.ROOT, "%.1f", timeToReady.toMillis() / 1000.0))
            .append(" s)\n")
            .append("  Database: ")
            .append(database.description())
            .append('\n')
            .append("  Auth:     ")
            .append(auth.description())
            .append('\n');
    if (auth == AuthMode.DEV_LOGIN) {
      text.append("  Try it:\n")
          .append("    TOKEN=$(curl -s -X POST ")
          .append(base)
          .append("/api/dev/token")
          .append(" -H 'Content-Type: application/json' -d '{\"user\":\"alice\"}'")
          .append(" | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')\n")
          .append("    curl -H \"Authorization: Bearer $TOKEN\" ")
          .append(base)
          .append("/api/tasks\n");
    }
    return text.append("  Stop with Ctrl-C.\n").toString();
  }
}
