package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

/**
 * Key pairs made fresh for the tests (cached per JVM: RSA generation is slow), and their PEM and
 * JWK forms.
 */
final class TestKeys {

  static final KeyPair RSA = rsa();
  static final KeyPair OTHER_RSA = rsa();
  static final KeyPair EC = ec("secp256r1");
  static final KeyPair OTHER_EC = ec("secp256r1");
  static final KeyPair ED25519 = generate("Ed25519");
  static final KeyPair OTHER_ED25519 = generate("Ed25519");

  private TestKeys() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair generate(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(PublicKey key) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  /** The public JWK of a key pair, as an identity provider would publish it. */
  static JWK publicJwk(KeyPair pair, String kid) {
    PublicKey key = pair.getPublic();
    if (key instanceof RSAPublicKey rsa) {
      return new RSAKey.Builder(rsa)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    }
    if (key instanceof ECPublicKey ec) {
      return new ECKey.Builder(Curve.P_256, ec).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    }
    try {
      // Shaped like Better Auth's JWKS entry: kty OKP, crv Ed25519, alg EdDSA, no "use".
      return new OctetKeyPair.Builder(JdkEd25519.jwk((EdECPublicKey) key))
          .keyID(kid)
          .algorithm(JWSAlgorithm.EdDSA)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String jwks(JWK... keys) {
    return new JWKSet(List.of(keys)).toString();
  }
}
