package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * HS256 verification with every configured shared secret; such tokens carry no usable key id, so
 * all are tried.
 */
final class SharedSecretKeys implements SigningKeys {

  private final List<JWSVerifier> verifiers;

  SharedSecretKeys(List<SharedSecret> secrets) {
    List<JWSVerifier> built = new ArrayList<>();
    for (SharedSecret secret : secrets) {
      try {
        built.add(new MACVerifier(secret.keyBytes()));
      } catch (JOSEException e) {
        throw new AuthConfigurationException(secret.origin() + " cannot be used for HS256", e);
      }
    }
    this.verifiers = List.copyOf(built);
  }

  @Override
  public List<JWSVerifier> verifiersFor(JWSHeader header) {
    return JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? verifiers : List.of();
  }
}
