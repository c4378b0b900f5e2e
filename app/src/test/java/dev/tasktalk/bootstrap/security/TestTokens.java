package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints signed test tokens at a fixed "now" with any of the algorithms, good or bad. */
final class TestTokens {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(10));

  private TestTokens() {}

  /** Claims of a fresh token for {@code subject}, valid for ten minutes from {@link #NOW}. */
  static JWTClaimsSet.Builder claims(String subject) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(EXPIRY));
  }

  static String hs256(String secret, JWTClaimsSet claims) {
    return sign(JWSAlgorithm.HS256, null, claims, mac(secret));
  }

  static String rs256(KeyPair pair, String kid, JWTClaimsSet claims) {
    return sign(JWSAlgorithm.RS256, kid, claims, new RSASSASigner(pair.getPrivate()));
  }

  static String es256(KeyPair pair, String kid, JWTClaimsSet claims) {
    return sign(JWSAlgorithm.ES256, kid, claims, ecdsa(pair));
  }

  static String edDsa(KeyPair pair, String kid, JWTClaimsSet claims) {
    return sign(JWSAlgorithm.EdDSA, kid, claims, new JdkEd25519Signer(pair.getPrivate()));
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  static String sign(JWSAlgorithm algorithm, String kid, JWTClaimsSet claims, JWSSigner signer) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /**
   * The Base64URL HMAC-SHA256 of a hand-built signing input, for tokens Nimbus would refuse to
   * build.
   */
  static String hmac(String secret, String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)))
          .toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static MACSigner mac(String secret) {
    try {
      return new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECDSASigner ecdsa(KeyPair pair) {
    try {
      return new ECDSASigner((ECPrivateKey) pair.getPrivate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
