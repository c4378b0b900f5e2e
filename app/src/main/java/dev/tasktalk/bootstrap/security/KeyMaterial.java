package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.X509CertUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text forms MicroProfile JWT allows for verification keys (PEM, JWK, JWKS, or the Base64
 * of one of them) into a JWK set of public keys; private and symmetric keys are dropped.
 */
final class KeyMaterial {

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

  private KeyMaterial() {}

  /** Parses key text; throws IllegalArgumentException saying what is wrong with it. */
  static JWKSet parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      return parseJson(trimmed);
    }
    if (trimmed.contains("-----BEGIN")) {
      return parsePem(trimmed);
    }
    byte[] decoded = decodeBase64(trimmed);
    if (decoded.length > 0 && decoded[0] == '{') {
      return parseJson(new String(decoded, StandardCharsets.UTF_8));
    }
    return new JWKSet(toJwk(subjectPublicKey(decoded)));
  }

  /** True if the set holds at least one key of a kind this application can verify with. */
  static boolean hasUsableKey(JWKSet keys) {
    return keys.getKeys().stream()
        .anyMatch(
            key ->
                key instanceof RSAKey
                    || (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
                    || (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())));
  }

  private static JWKSet parseJson(String json) {
    try {
      Map<String, Object> object = JSONObjectUtils.parse(json);
      JWKSet keys =
          object.containsKey("keys") ? JWKSet.parse(object) : new JWKSet(JWK.parse(object));
      return keys.toPublicJWKSet();
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a valid JWK or JWK set: " + e.getMessage(), e);
    }
  }

  private static JWKSet parsePem(String pem) {
    List<JWK> keys = new ArrayList<>();
    Matcher block = PEM_BLOCK.matcher(pem);
    while (block.find()) {
      // Keys pasted into an environment variable often carry literal "\n" instead of line breaks.
      byte[] der = decodeBase64(block.group(2).replace("\\n", ""));
      String type = block.group(1);
      switch (type) {
        case "PUBLIC KEY" -> keys.add(toJwk(subjectPublicKey(der)));
        case "CERTIFICATE" -> keys.add(toJwk(certificate(der).getPublicKey()));
        case "RSA PUBLIC KEY" ->
            throw new IllegalArgumentException(
                "PKCS#1 \"RSA PUBLIC KEY\" PEM is not supported; convert it with"
                    + " openssl rsa -RSAPublicKey_in -pubout");
        default ->
            throw new IllegalArgumentException(
                "PEM block \"" + type + "\" is not a public key or certificate");
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no complete PEM block found");
    }
    return new JWKSet(keys);
  }

  private static PublicKey subjectPublicKey(byte[] der) {
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(spec);
      } catch (GeneralSecurityException e) {
        // not this kind of key: try the next
      }
    }
    throw new IllegalArgumentException("not an RSA, EC or Ed25519 public key");
  }

  private static X509Certificate certificate(byte[] der) {
    X509Certificate certificate = X509CertUtils.parse(der);
    if (certificate == null) {
      throw new IllegalArgumentException("not a valid X.509 certificate");
    }
    return certificate;
  }

  private static JWK toJwk(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return new RSAKey.Builder(rsa).build();
    }
    if (key instanceof ECPublicKey ec) {
      Curve curve = Curve.forECParameterSpec(ec.getParams());
      if (!Curve.P_256.equals(curve)) {
        throw new IllegalArgumentException("EC keys must be on curve P-256 (ES256), not " + curve);
      }
      return new ECKey.Builder(curve, ec).build();
    }
    try {
      if (key instanceof EdECPublicKey ed) {
        return JdkEd25519.jwk(ed);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    throw new IllegalArgumentException("unsupported public key type " + key.getAlgorithm());
  }

  private static byte[] decodeBase64(String text) {
    String compact = text.replaceAll("\\s", "");
    try {
      return compact.contains("-") || compact.contains("_")
          ? Base64.getUrlDecoder().decode(compact.replace("=", ""))
          : Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("neither PEM, JSON nor Base64", e);
    }
  }
}
