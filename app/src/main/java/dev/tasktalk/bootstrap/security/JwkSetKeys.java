package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * RS256, ES256 and EdDSA verification with the public keys of a JWK set (inline, from a file, or
 * fetched and cached from a URL), matched to a token by key type, curve, algorithm and key id.
 */
final class JwkSetKeys implements SigningKeys {

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
  private static final int MIN_RSA_BITS = 2048;

  private final JWKSource<SecurityContext> source;
  private final String description;

  JwkSetKeys(JWKSource<SecurityContext> source, String description) {
    this.source = Objects.requireNonNull(source, "source");
    this.description = Objects.requireNonNull(description, "description");
  }

  @Override
  public List<JWSVerifier> verifiersFor(JWSHeader header) {
    JWSAlgorithm algorithm = header.getAlgorithm();
    if (!ALGORITHMS.contains(algorithm)) {
      return List.of();
    }
    List<JWK> keys;
    try {
      keys = source.get(new JWKSelector(matcherFor(header)), null);
    } catch (RateLimitReachedException e) {
      // Unknown key ids may refresh a remote set only so often; past that they are simply unknown.
      return List.of();
    } catch (KeySourceException e) {
      throw new SigningKeysUnavailableException("cannot fetch signing keys from " + description, e);
    }
    List<JWSVerifier> verifiers = new ArrayList<>();
    for (JWK key : keys) {
      try {
        verifiers.add(verifierFor(key));
      } catch (JOSEException e) {
        // One unusable key in a published set must not stop the others from being tried.
      }
    }
    return verifiers;
  }

  static JWKMatcher matcherFor(JWSHeader header) {
    JWSAlgorithm algorithm = header.getAlgorithm();
    JWKMatcher.Builder matcher =
        new JWKMatcher.Builder()
            .keyType(KeyType.forAlgorithm(algorithm))
            .keyUses(KeyUse.SIGNATURE, null)
            .algorithms(algorithm, null);
    if (JWSAlgorithm.RS256.equals(algorithm)) {
      matcher.minKeySize(MIN_RSA_BITS);
    } else if (JWSAlgorithm.ES256.equals(algorithm)) {
      matcher.curve(Curve.P_256);
    } else if (JWSAlgorithm.EdDSA.equals(algorithm)) {
      // RFC 9864 lets a JWK name its algorithm "Ed25519" instead of the older "EdDSA".
      matcher.curve(Curve.Ed25519).algorithms(algorithm, JWSAlgorithm.Ed25519, null);
    }
    if (header.getKeyID() != null) {
      // A key without an id (e.g. made from a PEM) fits any kid; a key with an id must match.
      matcher.keyIDs(header.getKeyID(), null);
    }
    return matcher.build();
  }

  private static JWSVerifier verifierFor(JWK key) throws JOSEException {
    if (key instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa);
    }
    if (key instanceof ECKey ec) {
      return new ECDSAVerifier(ec);
    }
    if (key instanceof OctetKeyPair okp) {
      return JdkEd25519Verifier.forKey(okp);
    }
    throw new JOSEException("unsupported key type " + key.getKeyType());
  }
}
