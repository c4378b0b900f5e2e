package dev.tasktalk.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The integration tests' identity provider: a shared secret, an RSA key given inline, and EC and
 * Ed25519 keys served as a JWKS over HTTP (as Better Auth serves its own), plus token minting.
 */
public final class TestKeys {

  public static final String ISSUER = "https://issuer.tasktalk.test";
  public static final String AUDIENCE = "tasktalk";

  private final String sharedSecret;
  private final RSAKey rsa;
  private final ECKey ec;
  private final KeyPair ed25519;
  private final HttpServer server;

  private TestKeys(String sharedSecret, RSAKey rsa, ECKey ec, KeyPair ed25519, HttpServer server) {
    this.sharedSecret = sharedSecret;
    this.rsa = rsa;
    this.ec = ec;
    this.ed25519 = ed25519;
    this.server = server;
  }

  static TestKeys start() throws Exception {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] spki = ed.getPublic().getEncoded();
    String x = b64(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    String jwks =
        "{\"keys\":["
            + ec.toPublicJWK().toJSONString()
            + ",{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"kid\":\"ed-1\",\"x\":\""
            + x
            + "\"}]}";
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/auth/jwks",
        exchange -> {
          byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return new TestKeys(HexFormat.of().formatHex(secret), rsa, ec, ed, server);
  }

  void stop() {
    server.stop(0);
  }

  String sharedSecret() {
    return sharedSecret;
  }

  String inlineJwks() {
    return new JWKSet(rsa.toPublicJWK()).toString(true);
  }

  String jwksUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/jwks";
  }

  /** A valid token for {@code subject} signed with {@code alg} (HS256, RS256, ES256 or EdDSA). */
  public String token(String alg, String subject) {
    return token(alg, claims -> claims.subject(subject));
  }

  /** A token whose claims start valid (issuer, audience, one hour) and are then adjusted. */
  public String token(String alg, Consumer<JWTClaimsSet.Builder> adjust) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(3600)));
    adjust.accept(claims);
    try {
      return switch (alg) {
        case "HS256" ->
            sign(new JWSHeader(JWSAlgorithm.HS256), claims.build(), new MACSigner(sharedSecret));
        case "RS256" ->
            sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(),
                claims.build(),
                new RSASSASigner(rsa));
        case "ES256" ->
            sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(),
                claims.build(),
                new ECDSASigner(ec));
        case "EdDSA" -> signEd25519(claims.build());
        default -> throw new IllegalArgumentException(alg);
      };
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed with a secret the server does not know. */
  public String foreignToken(String subject) throws Exception {
    String other = "another-secret-that-is-long-enough-32";
    return sign(
        new JWSHeader(JWSAlgorithm.HS256),
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .build(),
        new MACSigner(other));
  }

  private static String sign(
      JWSHeader header, JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer) throws Exception {
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private String signEd25519(JWTClaimsSet claims) throws Exception {
    String header =
        b64(
            ("{\"alg\":\"EdDSA\",\"typ\":\"" + JOSEObjectType.JWT + "\",\"kid\":\"ed-1\"}")
                .getBytes(StandardCharsets.UTF_8));
    String payload = b64(claims.toString().getBytes(StandardCharsets.UTF_8));
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(ed25519.getPrivate());
    signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + b64(signature.sign());
  }

  /** The unsigned "alg: none" form of a token that would otherwise be valid. */
  public String unsignedToken(String subject) {
    String header = b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64(
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
