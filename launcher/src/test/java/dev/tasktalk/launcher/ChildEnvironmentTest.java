package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

  private static final DatabaseConnection EMBEDDED =
      new DatabaseConnection(
          DatabaseConnection.Mode.EMBEDDED,
          "jdbc:postgresql://localhost:5555/tasktalk",
          "postgres",
          "postgres",
          "embedded");

  @Test
  void givenDevLogin_applyTo_passesTheSecretAndEnablesDevLogin() {
    Map<String, String> env = new HashMap<>(Map.of("HOME", "/root"));

    childEnvironment(new Settings(Map.of(), Map.of()), EMBEDDED, AuthMode.DEV_LOGIN, "s3")
        .applyTo(env);

    assertThat(env)
        .containsEntry("HOME", "/root")
        .containsEntry("JWT_SECRET", "s3")
        .containsEntry("TASKTALK_DEV_LOGIN", "true")
        .containsEntry("TASKTALK_DB_URL", "jdbc:postgresql://localhost:5555/tasktalk")
        .containsEntry("TASKTALK_DB_USER", "postgres")
        .containsEntry("TASKTALK_DB_PASSWORD", "postgres")
        .containsEntry("TASKTALK_DB_MODE", "embedded")
        .containsEntry("PORT", "8081")
        .containsEntry("TASKTALK_DATA_DIR", Path.of("/srv/tasktalk").toString());
  }

  @Test
  void givenConfiguredAuth_applyTo_keepsTheEnvironmentAndForwardsSystemProperties() {
    Map<String, String> env =
        new HashMap<>(Map.of("JWT_SECRET", "from-env", "TASKTALK_DB_PASSWORD", "stale"));
    Settings settings = new Settings(env, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/k.pem"));
    DatabaseConnection external = DatabaseUrl.parse("jdbc:postgresql://h/db", "bob", null);

    childEnvironment(settings, external, AuthMode.PUBLIC_KEYS, null).applyTo(env);

    assertThat(env)
        .containsEntry("JWT_SECRET", "from-env")
        .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/k.pem")
        .containsEntry("TASKTALK_DB_USER", "bob")
        .containsEntry("TASKTALK_DB_MODE", "external")
        .doesNotContainKeys("TASKTALK_DB_PASSWORD", "TASKTALK_DEV_LOGIN");
  }

  private static ChildEnvironment childEnvironment(
      Settings settings, DatabaseConnection database, AuthMode auth, String secret) {
    return new ChildEnvironment(settings, 8081, Path.of("/srv/tasktalk"), database, auth, secret);
  }
}
