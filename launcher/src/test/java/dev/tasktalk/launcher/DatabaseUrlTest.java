package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

  @Test
  void givenPostgresqlUrl_parse_buildsJdbcUrlAndCredentials() {
    DatabaseConnection db =
        DatabaseUrl.parse("postgresql://alice:s3cret@db.example.com:5433/tasks", null, null);

    assertThat(db.mode()).isEqualTo(DatabaseConnection.Mode.EXTERNAL);
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/tasks");
    assertThat(db.user()).isEqualTo("alice");
    assertThat(db.password()).isEqualTo("s3cret");
    assertThat(db.description())
        .isEqualTo("external PostgreSQL at db.example.com:5433/tasks as alice");
  }

  @Test
  void givenPostgresScheme_parse_acceptsItLikePostgresql() {
    DatabaseConnection db = DatabaseUrl.parse("postgres://u:p@host/db", null, null);

    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
    assertThat(db.user()).isEqualTo("u");
  }

  @Test
  void givenUpperCaseScheme_parse_acceptsIt() {
    assertThat(DatabaseUrl.parse("PostgreSQL://u:p@host/db", null, null).jdbcUrl())
        .isEqualTo("jdbc:postgresql://host/db");
  }

  @Test
  void givenPercentEncodedCredentials_parse_decodesThemAndKeepsPlus() {
    DatabaseConnection db =
        DatabaseUrl.parse(
            "postgresql://al%40ice:p%40ss%2Fw%3Ard+x%C3%A9%25@host:5432/db", null, null);

    assertThat(db.user()).isEqualTo("al@ice");
    assertThat(db.password()).isEqualTo("p@ss/w:rd+xé%");
  }

  @Test
  void givenUnencodedSlashAndAtInPassword_parse_stillFindsTheHost() {
    DatabaseConnection db = DatabaseUrl.parse("postgresql://u:pa/s@s@host/db", null, null);

    assertThat(db.password()).isEqualTo("pa/s@s");
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
  }

  @Test
  void givenQueryParameters_parse_keepsThemOnTheJdbcUrl() {
    DatabaseConnection db =
        DatabaseUrl.parse(
            "postgresql://u:p@host:5432/db?sslmode=require&application_name=tasktalk", null, null);

    assertThat(db.jdbcUrl())
        .isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require&application_name=tasktalk");
    assertThat(db.description()).doesNotContain("sslmode");
  }

  @Test
  void givenIpv6AndSeveralHosts_parse_keepsTheHostList() {
    DatabaseConnection db =
        DatabaseUrl.parse("postgresql://u:p@[::1]:5432,replica:5433/db", null, null);

    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432,replica:5433/db");
  }

  @Test
  void givenNoCredentials_parse_usesDatabaseUserAndPassword() {
    DatabaseConnection db = DatabaseUrl.parse("postgresql://host/db", "bob", "pw");

    assertThat(db.user()).isEqualTo("bob");
    assertThat(db.password()).isEqualTo("pw");
    assertThat(db.description()).isEqualTo("external PostgreSQL at host/db as bob");
  }

  @Test
  void givenCredentialsInUrl_parse_prefersThemOverTheFallbacks() {
    DatabaseConnection db = DatabaseUrl.parse("postgresql://u:p@host/db", "bob", "pw");

    assertThat(db.user()).isEqualTo("u");
    assertThat(db.password()).isEqualTo("p");
  }

  @Test
  void givenJdbcUrl_parse_keepsItAndTakesCredentialsFromTheFallbacks() {
    DatabaseConnection db =
        DatabaseUrl.parse("jdbc:postgresql://host:5432/db?sslmode=require", "bob", "pw");

    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require");
    assertThat(db.user()).isEqualTo("bob");
    assertThat(db.password()).isEqualTo("pw");
    assertThat(db.description()).isEqualTo("external PostgreSQL at host:5432/db as bob");
  }

  @Test
  void givenJdbcUrlWithCredentialParameters_parse_readsAndDecodesThem() {
    DatabaseConnection db =
        DatabaseUrl.parse("jdbc:postgresql://host/db?user=carol&password=x%26y", "bob", "pw");

    assertThat(db.user()).isEqualTo("carol");
    assertThat(db.password()).isEqualTo("x&y");
    assertThat(db.description()).doesNotContain("x&y").doesNotContain("x%26y");
  }

  @Test
  void givenJdbcUrlWithoutCredentials_environment_leavesUserAndPasswordUnset() {
    DatabaseConnection db = DatabaseUrl.parse("jdbc:postgresql://host/db", null, null);

    assertThat(db.environment())
        .containsEntry("TASKTALK_DB_URL", "jdbc:postgresql://host/db")
        .containsEntry("TASKTALK_DB_MODE", "external")
        .doesNotContainKeys("TASKTALK_DB_USER", "TASKTALK_DB_PASSWORD");
  }

  @Test
  void givenAnyUrl_toStringAndDescription_neverShowThePassword() {
    DatabaseConnection db = DatabaseUrl.parse("postgresql://u:Sup3rSecret@host/db", null, null);

    assertThat(db.toString()).doesNotContain("Sup3rSecret");
    assertThat(db.description()).doesNotContain("Sup3rSecret");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mysql://u:Sup3rSecret@host/db             | must start with postgresql://, postgres://",
        "Sup3rSecret                                | must start with postgresql://, postgres://",
        "postgresql://u:Sup3rSecret@/db             | has no host",
        "postgresql://u:Sup3rSecret@host            | has no database name",
        "postgresql://u:Sup3rSecret@host/           | has no database name",
        "postgresql://u:Sup3rSecret@host:54x2/db    | invalid port",
        "postgresql://u:Sup3rSecret@host:70000/db   | invalid port",
        "postgresql://u:Sup3r?Secret@host/db        | percent-encode special characters",
        "postgresql://u:Sup3r%zzSecret@host/db      | malformed %-escape in the password",
        "postgresql://u:Sup3rSecret%2@host/db       | malformed %-escape in the password",
        "postgresql://u:Sup3rSecret@[::1/db         | malformed host",
        "jdbc:postgresql:                           | no host or database",
      })
  void givenBadUrl_parse_explainsWithoutRepeatingThePassword(String url, String message) {
    assertThatThrownBy(() -> DatabaseUrl.parse(url, null, null))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageContaining(message)
        .message()
        .doesNotContain("Sup3r")
        .doesNotContain("Secret");
  }
}
