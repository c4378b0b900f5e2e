package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) with the JDK's own signature, because Nimbus's {@code Ed25519Verifier} needs
 * Google Tink: converts between a JWK's {@code x} (RFC 8032's encoded point) and the JDK's key,
 * whose X.509 form the JDK's {@link KeyFactory} builds.
 */
final class JdkEd25519 {

  /** Nimbus's verifiers, plus one for EdDSA with the keys {@link #publicKey} makes. */
  static final JWSVerifierFactory VERIFIERS =
      new DefaultJWSVerifierFactory() {
        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
          boolean edDsa = JWSAlgorithm.EdDSA.equals(header.getAlgorithm());
          return edDsa && key instanceof EdECPublicKey edKey
              ? new Verifier(edKey)
              : super.createJWSVerifier(header, key);
        }
      };

  private static final int KEY_LENGTH = 32;

  private JdkEd25519() {}

  static PublicKey publicKey(OctetKeyPair jwk) throws GeneralSecurityException {
    byte[] encoded = jwk.getDecodedX();
    if (!Curve.Ed25519.equals(jwk.getCurve()) || encoded.length != KEY_LENGTH) {
      throw new InvalidKeyException("not an Ed25519 public key");
    }
    // Little-endian y with x's parity in the top bit (RFC 8032, 5.1.3).
    boolean xOdd = (encoded[KEY_LENGTH - 1] & 0x80) != 0;
    byte[] y = new byte[KEY_LENGTH];
    for (int i = 0; i < KEY_LENGTH; i++) {
      y[i] = encoded[KEY_LENGTH - 1 - i];
    }
    y[0] &= 0x7f;
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, y));
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }

  static OctetKeyPair jwk(EdECPublicKey key) throws InvalidKeyException {
    if (!NamedParameterSpec.ED25519.getName().equalsIgnoreCase(key.getParams().getName())) {
      throw new InvalidKeyException("not an Ed25519 public key: " + key.getParams().getName());
    }
    byte[] y = key.getPoint().getY().toByteArray();
    byte[] encoded = new byte[KEY_LENGTH];
    for (int i = 0; i < KEY_LENGTH && i < y.length; i++) {
      encoded[i] = y[y.length - 1 - i];
    }
    if (key.getPoint().isXOdd()) {
      encoded[KEY_LENGTH - 1] |= (byte) 0x80;
    }
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(encoded)).build();
  }

  private static final class Verifier implements JWSVerifier {

    private final PublicKey key;
    private final JCAContext jcaContext = new JCAContext();

    Verifier(PublicKey key) {
      this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
        throws JOSEException {
      if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
        return false; // like Nimbus's verifiers: a critical header we do not understand fails
      }
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
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
}
