package dev.tasktalk.launcher;

import java.util.List;
import java.util.stream.Stream;

/**
 * How the product verifies tokens, decided from the settings: public keys win over a shared secret,
 * and with neither the launcher enables dev login with a generated secret.
 */
enum AuthMode {
  DEV_LOGIN(
      "dev login: POST /api/dev/token issues tokens"
          + " (set JWT_SECRET or MP_JWT_VERIFY_PUBLICKEY_LOCATION for real users)"),
  SHARED_SECRET("shared secret: HS256 tokens signed with JWT_SECRET / BETTER_AUTH_SECRET"),
  PUBLIC_KEYS("public keys: tokens verified with MP_JWT_VERIFY_PUBLICKEY[_LOCATION]");

  static final List<String> SECRET_KEYS = List.of("JWT_SECRET", "BETTER_AUTH_SECRET");
  static final List<String> PUBLIC_KEY_KEYS =
      List.of("MP_JWT_VERIFY_PUBLICKEY", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");

  private final String description;

  AuthMode(String description) {
    this.description = description;
  }

  static AuthMode decide(Settings settings) {
    if (PUBLIC_KEY_KEYS.stream().anyMatch(key -> settings.get(key).isPresent())) {
      return PUBLIC_KEYS;
    }
    if (SECRET_KEYS.stream().anyMatch(key -> settings.get(key).isPresent())) {
      return SHARED_SECRET;
    }
    return DEV_LOGIN;
  }

  /** Every key that, when set, turns dev login off. */
  static List<String> configurationKeys() {
    return Stream.concat(SECRET_KEYS.stream(), PUBLIC_KEY_KEYS.stream()).toList();
  }

  String description() {
    return description;
  }
}
