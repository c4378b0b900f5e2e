package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nimbus's key selector with our rules for which of a source's keys may check a token: RSA keys of
 * at least 2048 bits, EC keys on P-256, Ed25519 keys (as JDK keys, see {@link JdkEd25519}), and a
 * key without an id (e.g. made from a PEM or a shared secret) fits any {@code kid}.
 */
final class SigningKeySelector extends JWSVerificationKeySelector<SecurityContext> {

  private static final int MIN_RSA_BITS = 2048;

  SigningKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
    super(algorithms, source);
  }

  @Override
  protected JWKMatcher createJWKMatcher(JWSHeader header) {
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
      matcher.keyIDs(header.getKeyID(), null);
    }
    return matcher.build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context)
      throws KeySourceException {
    if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) || !isAllowed(JWSAlgorithm.EdDSA)) {
      return super.selectJWSKeys(header, context);
    }
    List<Key> keys = new ArrayList<>();
    JWKSelector selector = new JWKSelector(createJWKMatcher(header));
    for (JWK jwk : (List<JWK>) getJWKSource().get(selector, context)) {
      try {
        keys.add(JdkEd25519.publicKey(jwk.toOctetKeyPair()));
      } catch (GeneralSecurityException e) {
        // One unusable key in a published set must not stop the others from being tried.
      }
    }
    return keys;
  }
}
