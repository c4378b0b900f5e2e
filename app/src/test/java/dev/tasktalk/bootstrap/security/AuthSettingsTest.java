package dev.tasktalk.bootstrap.security;

import static dev.tasktalk.bootstrap.security.TestKeys.RSA;
import static dev.tasktalk.bootstrap.security.TestKeys.pem;
import static dev.tasktalk.bootstrap.security.TestSettings.OTHER_SECRET;
import static dev.tasktalk.bootstrap.security.TestSettings.SECRET;
import static dev.tasktalk.bootstrap.security.TestSettings.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

  private static final String SHORT_SECRET = "only-twenty-six-bytes-long";

  @Test
  void givenShortJwtSecret_load_failsNamingJwtSecret() {
    assertThatThrownBy(() -> settings(AuthSettings.JWT_SECRET, SHORT_SECRET))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageStartingWith("JWT_SECRET is too short")
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void givenShortBetterAuthSecret_load_failsNamingBetterAuthSecret() {
    assertThatThrownBy(() -> settings(AuthSettings.BETTER_AUTH_SECRET, SHORT_SECRET))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageStartingWith("BETTER_AUTH_SECRET is too short");
  }

  @Test
  void givenSecretOf32BytesCountedInUtf8_load_accepts() {
    String secret = "é".repeat(16); // 16 characters, 32 bytes

    assertThat(settings(AuthSettings.JWT_SECRET, secret).sharedSecrets()).hasSize(1);
  }

  @Test
  void givenNothingConfigured_load_failsSayingWhatToSet() {
    assertThatThrownBy(TestSettings::settings)
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageContaining("JWT_SECRET")
        .hasMessageContaining("BETTER_AUTH_SECRET")
        .hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
        .hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY ")
        .hasMessageContaining("TASKTALK_DEV_LOGIN=true");
  }

  @Test
  void givenOnlyBlankValuesAndDevLoginOff_load_failsAsNothingConfigured() {
    assertThatThrownBy(
            () ->
                settings(
                    AuthSettings.JWT_SECRET,
                    "  ",
                    AuthSettings.PUBLIC_KEY,
                    "",
                    AuthSettings.DEV_LOGIN,
                    "false"))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessage(AuthSettings.NOTHING_CONFIGURED);
  }

  @Test
  void givenDevLoginWithoutSecret_load_generatesARandomSecret() {
    AuthSettings first = settings(AuthSettings.DEV_LOGIN, "true");
    AuthSettings second = settings(AuthSettings.DEV_LOGIN, "true");

    SharedSecret secret = first.devSigningSecret().orElseThrow();
    assertThat(secret.isGenerated()).isTrue();
    assertThat(secret.value().getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
    assertThat(secret.value()).isNotEqualTo(second.devSigningSecret().orElseThrow().value());
    assertThat(first.mode()).isEqualTo("dev-login");
  }

  @Test
  void givenDevLoginAndBothSecrets_load_signsDevTokensWithJwtSecret() {
    AuthSettings settings =
        settings(
            AuthSettings.DEV_LOGIN, "TRUE",
            AuthSettings.BETTER_AUTH_SECRET, OTHER_SECRET,
            AuthSettings.JWT_SECRET, SECRET);

    assertThat(settings.devSigningSecret().orElseThrow().origin()).isEqualTo("JWT_SECRET");
    assertThat(settings.sharedSecrets())
        .extracting(SharedSecret::origin)
        .containsExactly("JWT_SECRET", "BETTER_AUTH_SECRET");
    assertThat(settings.mode()).isEqualTo("dev-login+shared-secret");
  }

  @Test
  void givenDevLoginOff_devSigningSecret_isEmpty() {
    assertThat(settings(AuthSettings.JWT_SECRET, SECRET).devSigningSecret()).isEmpty();
  }

  @Test
  void givenSecretAndPublicKeyLocation_mode_combinesBoth() {
    AuthSettings settings =
        settings(
            AuthSettings.JWT_SECRET,
            SECRET,
            AuthSettings.PUBLIC_KEY_LOCATION,
            "https://auth.example/jwks");

    assertThat(settings.mode()).isEqualTo("shared-secret+public-key");
  }

  @Test
  void givenOnlyAnInlinePublicKey_mode_isPublicKey() {
    assertThat(settings(AuthSettings.PUBLIC_KEY, pem(RSA.getPublic())).mode())
        .isEqualTo("public-key");
  }

  @Test
  void givenCommaSeparatedAudiences_load_splitsAndTrimsThem() {
    AuthSettings settings =
        settings(AuthSettings.JWT_SECRET, SECRET, AuthSettings.AUDIENCES, " tasktalk , api,, ");

    assertThat(settings.audiences()).containsExactly("tasktalk", "api");
  }

  @Test
  void givenIssuerWithSpaces_load_trimsIt() {
    assertThat(
            settings(AuthSettings.JWT_SECRET, SECRET, AuthSettings.ISSUER, " https://auth.example ")
                .issuer())
        .contains("https://auth.example");
  }

  @Test
  void givenDevLoginFlagThatIsNotABoolean_load_failsNamingTheVariable() {
    assertThatThrownBy(
            () -> settings(AuthSettings.JWT_SECRET, SECRET, AuthSettings.DEV_LOGIN, "maybe"))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageContaining("TASKTALK_DEV_LOGIN");
  }

  @Test
  void givenSecrets_toString_neverShowsThem() {
    AuthSettings settings =
        settings(AuthSettings.JWT_SECRET, SECRET, AuthSettings.DEV_LOGIN, "true");

    assertThat(settings.toString()).doesNotContain(SECRET).contains("JWT_SECRET");
  }
}
