package dev.tasktalk.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the integration tests' Payara Micro needs before Arquillian reads arquillian.xml: a
 * real PostgreSQL (zonky) and a server for the test signing keys' JWKS. Only under Failsafe ({@code
 * tasktalk.it=true}), so unit test runs stay fast.
 */
public final class ItEnvironment implements LauncherSessionListener {

  /** The one other origin the deployed server lets browser apps call from (CORS_ORIGINS). */
  static final String CORS_ORIGIN = "http://localhost:5173";

  private static EmbeddedPostgres postgres;
  private static TestKeys keys;
  private static FakeOpenAi openAi;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("tasktalk.it") || postgres != null) {
      return;
    }
    try {
      // A UTF-8 locale independent of the host, so case-insensitive search works beyond ASCII.
      postgres =
          EmbeddedPostgres.builder()
              .setLocaleConfig("locale-provider", "builtin")
              .setLocaleConfig("builtin-locale", "C.UTF-8")
              .start();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE tasktalk");
      }
      keys = TestKeys.start();
      openAi = FakeOpenAi.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the integration test environment", e);
    }
    String jdbc = postgres.getJdbcUrl("postgres", "tasktalk");
    System.setProperty(
        "tasktalk.it.jvmOptions",
        String.join(
            " ",
            "-Xmx512m",
            "-Dtasktalk.db.url=" + jdbc,
            "-Dtasktalk.db.user=postgres",
            "-Dtasktalk.db.password=postgres",
            "-Dtasktalk.db.mode=embedded",
            "-DJWT_SECRET=" + keys.sharedSecret(),
            "-Dmp.jwt.verify.publickey=" + keys.inlineJwks(),
            "-Dmp.jwt.verify.publickey.location=" + keys.jwksUrl(),
            "-Dmp.jwt.verify.issuer=" + TestKeys.ISSUER,
            "-Dmp.jwt.verify.audiences=" + TestKeys.AUDIENCE,
            "-DOPENAI_API_KEY=sk-test-key",
            "-DCHATKIT_WORKFLOW_ID=wf_test",
            "-DOPENAI_BASE_URL=" + openAi.baseUrl(),
            "-DLLM_BASE_URL=" + openAi.baseUrl(),
            "-DLLM_MODEL=fake-model",
            "-DCORS_ORIGINS=" + CORS_ORIGIN));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (keys != null) {
      keys.stop();
    }
    if (openAi != null) {
      openAi.stop();
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static TestKeys keys() {
    return keys;
  }

  static FakeOpenAi openAi() {
    return openAi;
  }

  public static EmbeddedPostgres postgres() {
    return postgres;
  }
}
