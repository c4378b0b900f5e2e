package dev.tasktalk.bootstrap.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * How bearer tokens are verified, read once from MicroProfile Config (so every key can be an
 * environment variable); refuses settings that would leave the API unverifiable or protected by a
 * weak secret.
 */
public record AuthSettings(
    List<SharedSecret> sharedSecrets,
    Optional<String> publicKey,
    Optional<String> publicKeyLocation,
    Optional<String> issuer,
    List<String> audiences,
    boolean devLogin) {

  public static final String JWT_SECRET = "JWT_SECRET";
  public static final String BETTER_AUTH_SECRET = "BETTER_AUTH_SECRET";
  public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  public static final String ISSUER = "mp.jwt.verify.issuer";
  public static final String AUDIENCES = "mp.jwt.verify.audiences";
  public static final String DEV_LOGIN = "TASKTALK_DEV_LOGIN";

  static final String NOTHING_CONFIGURED =
      "No way to verify bearer tokens is configured. Set JWT_SECRET or BETTER_AUTH_SECRET (an HS256"
          + " shared secret of at least 32 bytes), MP_JWT_VERIFY_PUBLICKEY_LOCATION (URL or file of"
          + " a JWKS or PEM public key, e.g. Better Auth's https://<host>/api/auth/jwks) or"
          + " MP_JWT_VERIFY_PUBLICKEY (inline PEM or JWKS); or set TASKTALK_DEV_LOGIN=true to try"
          + " Tasktalk locally with self-issued tokens.";

  public AuthSettings {
    sharedSecrets = List.copyOf(sharedSecrets);
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(publicKeyLocation, "publicKeyLocation");
    Objects.requireNonNull(issuer, "issuer");
    audiences = List.copyOf(audiences);
  }

  /** Reads the settings from MicroProfile Config. */
  public static AuthSettings fromConfig(Config config) {
    return load(key -> config.getOptionalValue(key, String.class));
  }

  /** Reads the settings through any key lookup, so tests need no Config implementation. */
  public static AuthSettings load(Function<String, Optional<String>> lookup) {
    List<SharedSecret> secrets = new ArrayList<>();
    for (String variable : List.of(JWT_SECRET, BETTER_AUTH_SECRET)) {
      // A secret is used byte for byte as the signer used it, so it is not trimmed.
      lookup
          .apply(variable)
          .filter(value -> !value.isBlank())
          .ifPresent(value -> secrets.add(new SharedSecret(variable, value)));
    }
    Optional<String> publicKey = trimmed(lookup, PUBLIC_KEY);
    Optional<String> location = trimmed(lookup, PUBLIC_KEY_LOCATION);
    boolean devLogin = trimmed(lookup, DEV_LOGIN).map(AuthSettings::parseFlag).orElse(false);

    if (secrets.isEmpty() && publicKey.isEmpty() && location.isEmpty() && !devLogin) {
      throw new AuthConfigurationException(NOTHING_CONFIGURED);
    }
    if (devLogin && secrets.isEmpty()) {
      secrets.add(SharedSecret.generated());
    }
    return new AuthSettings(
        secrets,
        publicKey,
        location,
        trimmed(lookup, ISSUER),
        trimmed(lookup, AUDIENCES).map(AuthSettings::splitList).orElse(List.of()),
        devLogin);
  }

  /**
   * For the health report: {@code dev-login}, {@code shared-secret}, {@code public-key}, joined by
   * "+".
   */
  public String mode() {
    List<String> parts = new ArrayList<>();
    if (devLogin) {
      parts.add("dev-login");
    }
    if (sharedSecrets.stream().anyMatch(secret -> !secret.isGenerated())) {
      parts.add("shared-secret");
    }
    if (publicKey.isPresent() || publicKeyLocation.isPresent()) {
      parts.add("public-key");
    }
    return String.join("+", parts);
  }

  /**
   * The key dev-login tokens are signed with: the first configured secret, else the generated one.
   */
  public Optional<SharedSecret> devSigningSecret() {
    return devLogin ? sharedSecrets.stream().findFirst() : Optional.empty();
  }

  /**
   * Names a key as an operator would set it: the environment variable, plus the property for mp.*
   * keys.
   */
  static String describe(String key) {
    if (!key.startsWith("mp.")) {
      return key;
    }
    return key.toUpperCase(Locale.ROOT).replace('.', '_') + " (" + key + ")";
  }

  private static Optional<String> trimmed(Function<String, Optional<String>> lookup, String key) {
    return lookup.apply(key).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static List<String> splitList(String value) {
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(part -> !part.isEmpty())
        .toList();
  }

  private static boolean parseFlag(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default ->
          throw new AuthConfigurationException(
              DEV_LOGIN + " must be true or false, not \"" + value + "\"");
    };
  }
}
