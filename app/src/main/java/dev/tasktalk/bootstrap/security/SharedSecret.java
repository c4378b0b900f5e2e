package dev.tasktalk.bootstrap.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * An HS256 key: the UTF-8 bytes of a configured secret ({@code origin} names its variable), or a
 * random one generated for dev login. Its {@code toString} never shows the value.
 */
public record SharedSecret(String origin, String value) {

  /** HS256 needs a key at least as long as its 256-bit hash (RFC 7518, 3.2). */
  public static final int MIN_BYTES = 32;

  static final String GENERATED = "generated";

  private static final SecureRandom RANDOM = new SecureRandom();

  public SharedSecret {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(value, "value");
    int length = value.getBytes(StandardCharsets.UTF_8).length;
    if (length < MIN_BYTES) {
      throw new AuthConfigurationException(
          origin
              + " is too short: an HS256 secret needs at least "
              + MIN_BYTES
              + " bytes (UTF-8), this one has "
              + length
              + ". Generate one with: openssl rand -base64 32");
    }
  }

  /** A fresh random secret that lives only as long as this process. */
  static SharedSecret generated() {
    byte[] bytes = new byte[MIN_BYTES];
    RANDOM.nextBytes(bytes);
    return new SharedSecret(
        GENERATED, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public boolean isGenerated() {
    return GENERATED.equals(origin);
  }

  public byte[] keyBytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SharedSecret[origin=" + origin + ", value=<redacted>]";
  }
}
