package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
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
import java.util.Set;

/**
 * Builds a Nimbus key selector for each key source the settings name: the shared secrets (HS256),
 * the inline public key and the key location (RS256, ES256, EdDSA). Inline keys and key files are
 * read now, so a bad one fails start-up; a key URL is fetched lazily, cached, and refreshed
 * (rate-limited) when an unknown key id arrives.
 */
final class SigningKeysLoader {

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_DOCUMENT_BYTES = 256 * 1024;
  private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
  private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
  // If the key server is down when the cache expires, keep using the last keys for this long.
  private static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

  private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
  private static final String PUBLIC_KEY = AuthSettings.describe(AuthSettings.PUBLIC_KEY);
  private static final String LOCATION = AuthSettings.describe(AuthSettings.PUBLIC_KEY_LOCATION);

  private SigningKeysLoader() {}

  static List<JWSKeySelector<SecurityContext>> load(AuthSettings settings) {
    List<JWSKeySelector<SecurityContext>> keys = new ArrayList<>();
    if (!settings.sharedSecrets().isEmpty()) {
      List<JWK> secrets =
          settings.sharedSecrets().stream()
              .map(secret -> (JWK) new OctetSequenceKey.Builder(secret.keyBytes()).build())
              .toList();
      keys.add(new SigningKeySelector(Set.of(JWSAlgorithm.HS256), fixed(new JWKSet(secrets))));
    }
    settings
        .publicKey()
        .map(text -> fixed(parse(text, PUBLIC_KEY)))
        .ifPresent(source -> keys.add(new SigningKeySelector(PUBLIC_KEY_ALGORITHMS, source)));
    settings
        .publicKeyLocation()
        .map(SigningKeysLoader::fromLocation)
        .ifPresent(source -> keys.add(new SigningKeySelector(PUBLIC_KEY_ALGORITHMS, source)));
    return keys;
  }

  private static JWKSource<SecurityContext> fromLocation(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return remote(url(location));
    }
    Path path = filePath(location);
    try {
      return fixed(parse(Files.readString(path), LOCATION + " " + path));
    } catch (IOException e) {
      throw new AuthConfigurationException(LOCATION + ": cannot read " + path + " (" + e + ")", e);
    }
  }

  private static JWKSource<SecurityContext> remote(URL url) {
    int timeout = (int) HTTP_TIMEOUT.toMillis();
    ResourceRetriever http = new DefaultResourceRetriever(timeout, timeout, MAX_DOCUMENT_BYTES);
    return JWKSourceBuilder.<SecurityContext>create(url, location -> asJwks(http, location))
        .cache(CACHE_TIME_TO_LIVE.toMillis(), HTTP_TIMEOUT.multipliedBy(3).toMillis())
        // Refresh-ahead runs its own thread pool, which has no place in a Jakarta EE container.
        .refreshAheadCache(false)
        .rateLimited(MIN_REFRESH_INTERVAL.toMillis())
        .outageTolerant(OUTAGE_TOLERANCE.toMillis())
        .build();
  }

  // MicroProfile JWT lets a key location serve a PEM as well as a JWKS; Nimbus caches it as a JWKS.
  private static Resource asJwks(ResourceRetriever http, URL location) throws IOException {
    try {
      JWKSet keys = KeyMaterial.parse(http.retrieveResource(location).getContent());
      return new Resource(keys.toString(), JWKSet.MIME_TYPE);
    } catch (IllegalArgumentException e) {
      throw new IOException("unusable key document at " + location + ": " + e.getMessage(), e);
    }
  }

  private static JWKSource<SecurityContext> fixed(JWKSet keys) {
    return new ImmutableJWKSet<>(keys);
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

  private static URL url(String location) {
    try {
      return URI.create(location).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new AuthConfigurationException(LOCATION + ": not a valid URL: " + location, e);
    }
  }

  private static Path filePath(String location) {
    try {
      return location.toLowerCase(Locale.ROOT).startsWith("file:")
          ? Path.of(URI.create(location))
          : Path.of(location);
    } catch (IllegalArgumentException e) {
      throw new AuthConfigurationException(
          LOCATION + ": not a file path or file: URL (file:///absolute/path): " + location, e);
    }
  }
}
