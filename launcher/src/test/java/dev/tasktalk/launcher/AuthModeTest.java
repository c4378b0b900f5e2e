package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthModeTest {

  @Test
  void givenNoAuthSettings_decide_isDevLogin() {
    assertThat(AuthMode.decide(settings(Map.of("PORT", "8080"), Map.of())))
        .isEqualTo(AuthMode.DEV_LOGIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"JWT_SECRET", "BETTER_AUTH_SECRET"})
  void givenSecretInEnvironment_decide_isSharedSecret(String key) {
    assertThat(AuthMode.decide(settings(Map.of(key, "s"), Map.of())))
        .isEqualTo(AuthMode.SHARED_SECRET);
  }

  @Test
  void givenSecretAsSystemProperty_decide_isSharedSecret() {
    assertThat(AuthMode.decide(settings(Map.of(), Map.of("BETTER_AUTH_SECRET", "s"))))
        .isEqualTo(AuthMode.SHARED_SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MP_JWT_VERIFY_PUBLICKEY", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"})
  void givenPublicKeySetting_decide_isPublicKeys(String key) {
    assertThat(AuthMode.decide(settings(Map.of(), Map.of(key, "https://idp/jwks"))))
        .isEqualTo(AuthMode.PUBLIC_KEYS);
    assertThat(AuthMode.decide(settings(Map.of(key, "https://idp/jwks"), Map.of())))
        .isEqualTo(AuthMode.PUBLIC_KEYS);
  }

  @Test
  void givenPublicKeysAndSecret_decide_prefersPublicKeys() {
    Map<String, String> env =
        Map.of("JWT_SECRET", "s", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://idp/jwks");
    assertThat(AuthMode.decide(settings(env, Map.of()))).isEqualTo(AuthMode.PUBLIC_KEYS);
  }

  @Test
  void givenBlankValues_decide_treatsThemAsUnset() {
    Map<String, String> env = Map.of("JWT_SECRET", " ", "MP_JWT_VERIFY_PUBLICKEY", "");
    assertThat(AuthMode.decide(settings(env, Map.of()))).isEqualTo(AuthMode.DEV_LOGIN);
  }

  private static Settings settings(Map<String, String> env, Map<String, String> properties) {
    return new Settings(env, properties);
  }
}
