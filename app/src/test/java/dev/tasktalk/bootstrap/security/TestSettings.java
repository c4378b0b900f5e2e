package dev.tasktalk.bootstrap.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds {@link AuthSettings} from key/value pairs, as MicroProfile Config would supply them. */
final class TestSettings {

  static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
  static final String OTHER_SECRET = "another-test-secret-0123456789-abcdefgh";

  private TestSettings() {}

  static AuthSettings settings(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return AuthSettings.load(key -> Optional.ofNullable(values.get(key)));
  }

  static TokenVerifier verifier(String... keysAndValues) {
    return TokenVerifier.create(settings(keysAndValues), TestTokens.CLOCK);
  }
}
