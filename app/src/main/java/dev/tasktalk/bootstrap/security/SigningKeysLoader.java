package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the key sources the settings ask for. Inline keys and key files are read now, so a bad one
 * fails start-up; a key URL is fetched lazily, cached, and refreshed (rate-limited) when an unknown
 * key id arrives.
 */
final class SigningKeysLoader {

  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  static final int MAX_DOCUMENT_BYTES = 256 * 1024;
  static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
  static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
  // If the key server is down when the cache expires, keep using the last keys for this long.
  static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

  private SigningKeysLoader() {}

  static List<SigningKeys> load(AuthSettings settings) {
    List<SigningKeys> keys = new ArrayList<>();
    if (!settings.sharedSecrets().isEmpty()) {
      keys.add(new SharedSecretKeys(settings.sharedSecrets()));
    }
    settings.publicKey().ifPresent(text -> keys.add(inline(text)));
    settings.publicKeyLocation().ifPresent(location -> keys.add(fromLocation(location)));
    return keys;
  }

  private static SigningKeys inline(String text) {
    String name = AuthSettings.describe(AuthSettings.PUBLIC_KEY);
    return fixed(parse(text, name), name);
  }

  private static SigningKeys fromLocation(String location) {
    String name = AuthSettings.describe(AuthSettings.PUBLIC_KEY_LOCATION);
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return remote(url(location, name), location);
    }
    Path path = filePath(location, name);
    try {
      return fixed(parse(Files.readString(path), name + " " + path), location);
    } catch (IOException e) {
      throw new AuthConfigurationException(name + ": cannot read " + path + " (" + e + ")", e);
    }
  }

  private static SigningKeys remote(URL url, String location) {
    int timeout = (int) HTTP_TIMEOUT.toMillis();
    KeyDocumentRetriever retriever =
        new KeyDocumentRetriever(
            new DefaultResourceRetriever(timeout, timeout, MAX_DOCUMENT_BYTES));
    JWKSource<SecurityContext> source =
        JWKSourceBuilder.<SecurityContext>create(url, retriever)
            .cache(CACHE_TIME_TO_LIVE.toMillis(), HTTP_TIMEOUT.multipliedBy(3).toMillis())
            // Refresh-ahead runs its own thread pool, which has no place in a Jakarta EE container.
            .refreshAheadCache(false)
            .rateLimited(MIN_REFRESH_INTERVAL.toMillis())
            .outageTolerant(OUTAGE_TOLERANCE.toMillis())
            .build();
    return new JwkSetKeys(source, location);
  }

  private static SigningKeys fixed(JWKSet keys, String description) {
    return new JwkSetKeys(new ImmutableJWKSet<>(keys), description);
  }

  private static JWKSet parse(String text, String name) {
    JWKSet keys;
    try {
      keys = KeyMaterial.parse(text);
    } catch (IllegalArgumentException e) {
      throw new AuthConfigurationException(name + ": " + e.getMessage(), e);
    }
    if (!KeyMaterial.hasUsableKey(keys)) {
      throw new AuthConfigurationException(name + ": no RSA, EC P-256 or Ed25519 public key found");
    }
    return keys;
  }

  private static URL url(String location, String name) {
    try {
      return URI.create(location).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new AuthConfigurationException(name + ": not a valid URL: " + location, e);
    }
  }

  private static Path filePath(String location, String name) {
    try {
      return location.toLowerCase(Locale.ROOT).startsWith("file:")
          ? Path.of(URI.create(location))
          : Path.of(location);
    } catch (IllegalArgumentException e) {
      throw new AuthConfigurationException(
          name + ": not a file path or file: URL (file:///absolute/path): " + location, e);
    }
  }
}
