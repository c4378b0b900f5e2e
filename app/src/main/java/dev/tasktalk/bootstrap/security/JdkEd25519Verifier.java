package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies EdDSA (Ed25519) JWS signatures with the JDK's own {@code Ed25519} signature, because
 * Nimbus's {@code Ed25519Verifier} needs Google Tink on the classpath.
 */
final class JdkEd25519Verifier implements JWSVerifier {

  private final PublicKey publicKey;
  private final JCAContext jcaContext = new JCAContext();
  private final CriticalHeaderParamsDeferral critical = new CriticalHeaderParamsDeferral();

  JdkEd25519Verifier(PublicKey publicKey) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
  }

  static JdkEd25519Verifier forKey(OctetKeyPair jwk) throws JOSEException {
    if (!Curve.Ed25519.equals(jwk.getCurve())) {
      throw new JOSEException("only Ed25519 keys are supported, not " + jwk.getCurve());
    }
    try {
      return new JdkEd25519Verifier(Ed25519Keys.publicKey(jwk.getDecodedX()));
    } catch (GeneralSecurityException e) {
      throw new JOSEException("invalid Ed25519 key: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
      throws JOSEException {
    if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
      throw new JOSEException("unsupported algorithm " + header.getAlgorithm());
    }
    // Like Nimbus's own verifiers: a critical header we do not understand means "do not accept".
    if (!critical.headerPasses(header)) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(signingInput);
      return verifier.verify(signature.decode());
    } catch (SignatureException e) {
      return false; // e.g. a signature of the wrong length: simply not valid
    } catch (GeneralSecurityException e) {
      throw new JOSEException("Ed25519 verification failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.EdDSA);
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }
}
