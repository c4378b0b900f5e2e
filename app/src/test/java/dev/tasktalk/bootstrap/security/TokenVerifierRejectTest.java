package dev.tasktalk.bootstrap.security;

import static dev.tasktalk.bootstrap.security.TestKeys.EC;
import static dev.tasktalk.bootstrap.security.TestKeys.ED25519;
import static dev.tasktalk.bootstrap.security.TestKeys.RSA;
import static dev.tasktalk.bootstrap.security.TestKeys.jwks;
import static dev.tasktalk.bootstrap.security.TestKeys.pem;
import static dev.tasktalk.bootstrap.security.TestKeys.publicJwk;
import static dev.tasktalk.bootstrap.security.TestSettings.OTHER_SECRET;
import static dev.tasktalk.bootstrap.security.TestSettings.SECRET;
import static dev.tasktalk.bootstrap.security.TestSettings.verifier;
import static dev.tasktalk.bootstrap.security.TestTokens.NOW;
import static dev.tasktalk.bootstrap.security.TestTokens.claims;
import static dev.tasktalk.bootstrap.security.TestTokens.edDsa;
import static dev.tasktalk.bootstrap.security.TestTokens.es256;
import static dev.tasktalk.bootstrap.security.TestTokens.hs256;
import static dev.tasktalk.bootstrap.security.TestTokens.rs256;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierRejectTest {

  private static final String LONG_SECRET =
      "a-sixty-four-byte-secret-for-hs512-0123456789-0123456789-abcdefg";

  private final TokenVerifier hsVerifier = verifier(AuthSettings.JWT_SECRET, SECRET);

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void givenNoToken_verify_refusesAsMissing(String token) {
    assertRefused(hsVerifier, token, "missing token");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"not-a-jwt", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.%%%.sig", "eyJhbGciOiJIUzI1NiJ9"})
  void givenMalformedToken_verify_refusesAsMalformed(String token) {
    assertRefused(hsVerifier, token, "malformed token");
  }

  @Test
  void givenAlgNoneToken_verify_refusesUnsignedToken() {
    assertRefused(
        hsVerifier,
        TestTokens.unsigned(claims("alice").build()),
        "unsigned tokens are not accepted");
  }

  @Test
  void givenAlgNoneHeaderWithASignature_verify_refuses() {
    String header =
        Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)).toString();
    String payload = claims("alice").build().toPayload().toBase64URL().toString();

    assertThatThrownBy(() -> hsVerifier.verify(header + "." + payload + ".c2lnbmF0dXJl"))
        .isInstanceOf(InvalidTokenException.class);
  }

  static Stream<Arguments> algorithmsOutsideTheAcceptedFour() {
    return Stream.of(
        Arguments.of(JWSAlgorithm.HS384, TestTokens.mac(LONG_SECRET)),
        Arguments.of(JWSAlgorithm.HS512, TestTokens.mac(LONG_SECRET)),
        Arguments.of(JWSAlgorithm.RS384, new RSASSASigner(RSA.getPrivate())),
        Arguments.of(JWSAlgorithm.RS512, new RSASSASigner(RSA.getPrivate())),
        Arguments.of(JWSAlgorithm.PS256, new RSASSASigner(RSA.getPrivate())),
        Arguments.of(JWSAlgorithm.ES384, TestTokens.ecdsa(TestKeys.ec("secp384r1"))));
  }

  @ParameterizedTest
  @MethodSource("algorithmsOutsideTheAcceptedFour")
  void givenTokenWithAnotherAlgorithm_verify_refusesAlgorithm(
      JWSAlgorithm algorithm, JWSSigner signer) {
    TokenVerifier verifier =
        verifier(
            AuthSettings.JWT_SECRET, LONG_SECRET, AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()));
    String token = TestTokens.sign(algorithm, null, claims("alice").build(), signer);

    assertRefused(verifier, token, "unsupported token algorithm");
  }

  @Test
  void givenHs256TokenSignedWithAnotherSecret_verify_refusesSignature() {
    assertRefused(hsVerifier, hs256(OTHER_SECRET, claims("alice").build()), "invalid signature");
  }

  @Test
  void givenRs256TokenSignedWithAnotherKey_verify_refusesSignature() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()));

    assertRefused(
        verifier, rs256(TestKeys.OTHER_RSA, null, claims("alice").build()), "invalid signature");
  }

  @Test
  void givenEs256TokenSignedWithAnotherKey_verify_refusesSignature() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(EC.getPublic()));

    assertRefused(
        verifier, es256(TestKeys.OTHER_EC, null, claims("alice").build()), "invalid signature");
  }

  @Test
  void givenEdDsaTokenWithTamperedPayload_verify_refusesSignature() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, jwks(publicJwk(ED25519, "ed-1")));
    String[] parts = edDsa(ED25519, "ed-1", claims("alice").build()).split("\\.");
    String forgedPayload = claims("mallory").build().toPayload().toBase64URL().toString();

    assertRefused(verifier, parts[0] + "." + forgedPayload + "." + parts[2], "invalid signature");
  }

  @Test
  void givenEdDsaTokenWithTruncatedSignature_verify_refusesSignature() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, jwks(publicJwk(ED25519, "ed-1")));
    String token = edDsa(ED25519, "ed-1", claims("alice").build());

    assertRefused(verifier, token.substring(0, token.length() - 10), "invalid signature");
  }

  @Test
  void givenOnlyPublicKeys_verifyHs256Token_refusesForLackOfKey() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()));

    assertRefused(verifier, hs256(SECRET, claims("alice").build()), "no matching signing key");
  }

  @Test
  void givenRsaPublicKey_verifyHs256TokenKeyedWithThatPublicKey_refuses() {
    String publicPem = pem(RSA.getPublic());
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, publicPem);

    assertRefused(verifier, hs256(publicPem, claims("alice").build()), "no matching signing key");
  }

  @Test
  void givenJwksWithoutTheTokensKid_verify_refusesForLackOfKey() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, jwks(publicJwk(ED25519, "ed-1")));

    assertRefused(
        verifier, edDsa(ED25519, "ed-2", claims("alice").build()), "no matching signing key");
  }

  @Test
  void givenEdDsaTokenButOnlyAnRsaKey_verify_refusesForLackOfKey() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()));

    assertRefused(
        verifier, edDsa(ED25519, null, claims("alice").build()), "no matching signing key");
  }

  @Test
  void givenTokenExpiredBeyondClockSkew_verify_refusesAsExpired() {
    String token =
        hs256(SECRET, claims("alice").expirationTime(Date.from(NOW.minusSeconds(31))).build());

    assertRefused(hsVerifier, token, "token has expired");
  }

  @Test
  void givenTokenWithoutExp_verify_refusesForMissingExpiry() {
    String token = hs256(SECRET, claims("alice").expirationTime(null).build());

    assertRefused(hsVerifier, token, "token has no expiry");
  }

  @Test
  void givenNotBeforeBeyondClockSkew_verify_refusesAsNotYetValid() {
    String token =
        hs256(SECRET, claims("alice").notBeforeTime(Date.from(NOW.plusSeconds(31))).build());

    assertRefused(hsVerifier, token, "token is not valid yet");
  }

  @Test
  void givenTokenWithoutSub_verify_refusesForMissingSubject() {
    assertRefused(hsVerifier, hs256(SECRET, claims(null).build()), "token has no subject");
  }

  @Test
  void givenTokenWithBlankSub_verify_refusesForMissingSubject() {
    assertRefused(hsVerifier, hs256(SECRET, claims("  ").build()), "token has no subject");
  }

  @Test
  void givenSubjectLongerThanAUserId_verify_refuses() {
    assertRefused(
        hsVerifier, hs256(SECRET, claims("x".repeat(256)).build()), "token subject is too long");
  }

  @Test
  void givenConfiguredIssuer_verifyHs256TokenFromAnotherIssuer_refusesIssuer() {
    TokenVerifier verifier =
        verifier(AuthSettings.JWT_SECRET, SECRET, AuthSettings.ISSUER, "https://auth.example");

    assertRefused(
        verifier,
        hs256(SECRET, claims("alice").issuer("https://evil.example").build()),
        "token issuer is not accepted");
  }

  @Test
  void givenConfiguredIssuer_verifyEdDsaTokenFromAnotherIssuer_refusesIssuer() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.PUBLIC_KEY,
            jwks(publicJwk(ED25519, "ed-1")),
            AuthSettings.ISSUER,
            "https://auth.example");

    assertRefused(
        verifier,
        edDsa(ED25519, "ed-1", claims("alice").issuer("https://evil.example").build()),
        "token issuer is not accepted");
  }

  @Test
  void givenConfiguredIssuer_verifyTokenWithoutIssuer_refusesIssuer() {
    TokenVerifier verifier =
        verifier(AuthSettings.JWT_SECRET, SECRET, AuthSettings.ISSUER, "https://auth.example");

    assertRefused(verifier, hs256(SECRET, claims("alice").build()), "token issuer is not accepted");
  }

  @Test
  void givenConfiguredAudiences_verifyRs256TokenForAnotherAudience_refusesAudience() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()), AuthSettings.AUDIENCES, "tasktalk,api");

    assertRefused(
        verifier,
        rs256(RSA, null, claims("alice").audience("billing").build()),
        "token audience is not accepted");
  }

  @Test
  void givenConfiguredAudiences_verifyTokenWithoutAudience_refusesAudience() {
    TokenVerifier verifier =
        verifier(AuthSettings.JWT_SECRET, SECRET, AuthSettings.AUDIENCES, "tasktalk");

    assertRefused(
        verifier, hs256(SECRET, claims("alice").build()), "token audience is not accepted");
  }

  @Test
  void givenExpiredTokenFromAnotherIssuer_verify_namesTheExpiryFirst() {
    TokenVerifier verifier =
        verifier(AuthSettings.JWT_SECRET, SECRET, AuthSettings.ISSUER, "https://auth.example");
    String token =
        hs256(
            SECRET,
            claims("alice")
                .issuer("https://evil.example")
                .expirationTime(Date.from(NOW.minusSeconds(60)))
                .build());

    assertRefused(verifier, token, "token has expired");
  }

  @Test
  void givenTokenWithoutSubjectOrAudience_verify_namesTheSubjectFirst() {
    TokenVerifier verifier =
        verifier(AuthSettings.JWT_SECRET, SECRET, AuthSettings.AUDIENCES, "tasktalk");

    assertRefused(verifier, hs256(SECRET, claims(null).build()), "token has no subject");
  }

  @Test
  void givenScopeClaimThatIsNotText_verify_refusesScope() {
    assertRefused(
        hsVerifier,
        hs256(SECRET, claims("alice").claim("scope", 42).build()),
        "malformed scope claim");
  }

  @Test
  void givenExpThatIsNotANumber_verify_refusesClaims() {
    String header =
        Base64URL.encode("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)).toString();
    String payload =
        Base64URL.encode(
                "{\"sub\":\"alice\",\"exp\":\"tomorrow\"}".getBytes(StandardCharsets.UTF_8))
            .toString();
    String signingInput = header + "." + payload;
    String signature = TestTokens.hmac(SECRET, signingInput);

    assertRefused(hsVerifier, signingInput + "." + signature, "malformed token claims");
  }

  private static void assertRefused(TokenVerifier verifier, String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage(reason);
  }
}
