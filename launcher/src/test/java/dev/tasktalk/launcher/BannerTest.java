package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BannerTest {

  @Test
  void givenDevLogin_render_showsEverythingAndACurlToPaste() {
    DatabaseConnection db =
        new DatabaseConnection(
            DatabaseConnection.Mode.EMBEDDED,
            "jdbc:postgresql://localhost:5555/tasktalk",
            "postgres",
            "postgres",
            "embedded PostgreSQL 17, data in /d/postgres"
                + " (jdbc:postgresql://localhost:5555/tasktalk)");

    String text = new Banner(8080, db, AuthMode.DEV_LOGIN).render(Duration.ofMillis(14_250));

    assertThat(text)
        .contains("Tasktalk is ready at http://localhost:8080/ (started in 14.3 s)")
        .contains("  Database: embedded PostgreSQL 17, data in /d/postgres")
        .contains("  Auth:     dev login")
        .contains(
            "    TOKEN=$(curl -s -X POST http://localhost:8080/api/dev/token"
                + " -H 'Content-Type: application/json' -d '{\"user\":\"alice\"}'"
                + " | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')\n")
        .contains("    curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/api/tasks\n");
  }

  @Test
  void givenExternalDatabaseAndSharedSecret_render_showsNoPasswordAndNoDevCurl() {
    DatabaseConnection db =
        DatabaseUrl.parse("postgresql://app:Sup3rSecret@db.internal:5432/tasktalk", null, null);

    String text = new Banner(9000, db, AuthMode.SHARED_SECRET).render(Duration.ofSeconds(9));

    assertThat(text)
        .contains("Database: external PostgreSQL at db.internal:5432/tasktalk as app")
        .contains("Auth:     shared secret")
        .doesNotContain("Sup3rSecret")
        .doesNotContain("TOKEN=");
  }
}
