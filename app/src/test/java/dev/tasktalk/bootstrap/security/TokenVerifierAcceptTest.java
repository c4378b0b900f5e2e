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
import static dev.tasktalk.bootstrap.security.TestTokens.EXPIRY;
import static dev.tasktalk.bootstrap.security.TestTokens.NOW;
import static dev.tasktalk.bootstrap.security.TestTokens.claims;
import static dev.tasktalk.bootstrap.security.TestTokens.edDsa;
import static dev.tasktalk.bootstrap.security.TestTokens.es256;
import static dev.tasktalk.bootstrap.security.TestTokens.hs256;
import static dev.tasktalk.bootstrap.security.TestTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierAcceptTest {

  @Test
  void givenJwtSecret_verifyHs256Token_returnsSubjectScopesAndExpiry() {
    TokenVerifier verifier = verifier(AuthSettings.JWT_SECRET, SECRET);

    VerifiedToken token =
        verifier.verify(
            hs256(SECRET, claims("alice").claim("scope", "tasks:read tasks:write").build()));

    assertThat(token.subject()).isEqualTo("alice");
    assertThat(token.scopes()).containsExactlyInAnyOrder("tasks:read", "tasks:write");
    assertThat(token.hasScopeClaim()).isTrue();
    assertThat(token.expiresAt()).isEqualTo(EXPIRY);
  }

  @Test
  void givenBetterAuthSecret_verifyHs256Token_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.BETTER_AUTH_SECRET, SECRET);

    assertThat(verifier.verify(hs256(SECRET, claims("bob").build())).subject()).isEqualTo("bob");
  }

  @Test
  void givenBothSecrets_verifyTokensSignedWithEither_acceptsBoth() {
    TokenVerifier verifier =
        verifier(AuthSettings.JWT_SECRET, SECRET, AuthSettings.BETTER_AUTH_SECRET, OTHER_SECRET);

    assertThat(verifier.verify(hs256(SECRET, claims("alice").build())).subject())
        .isEqualTo("alice");
    assertThat(verifier.verify(hs256(OTHER_SECRET, claims("bob").build())).subject())
        .isEqualTo("bob");
  }

  @Test
  void givenRsaPemPublicKey_verifyRs256Token_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()));

    assertThat(verifier.verify(rs256(RSA, null, claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenEcPemPublicKey_verifyEs256Token_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(EC.getPublic()));

    assertThat(verifier.verify(es256(EC, null, claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenEd25519PemPublicKey_verifyEdDsaToken_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(ED25519.getPublic()));

    assertThat(verifier.verify(edDsa(ED25519, null, claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenPemKeyWithoutKid_verifyTokenNamingAKid_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()));

    assertThat(verifier.verify(rs256(RSA, "some-kid", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenInlineJwksWithEd25519Key_verifyEdDsaToken_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, jwks(publicJwk(ED25519, "ed-1")));

    assertThat(verifier.verify(edDsa(ED25519, "ed-1", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenInlineJwksWithSeveralKeys_verifyRs256AndEs256Tokens_picksKeyByKid() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.PUBLIC_KEY,
            jwks(publicJwk(RSA, "rsa-1"), publicJwk(EC, "ec-1"), publicJwk(ED25519, "ed-1")));

    assertThat(verifier.verify(rs256(RSA, "rsa-1", claims("alice").build())).subject())
        .isEqualTo("alice");
    assertThat(verifier.verify(es256(EC, "ec-1", claims("bob").build())).subject())
        .isEqualTo("bob");
  }

  @Test
  void givenInlineJwksAndTokenWithoutKid_verify_triesTheKeysOfThatType() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.PUBLIC_KEY,
            jwks(publicJwk(TestKeys.OTHER_ED25519, "old"), publicJwk(ED25519, "new")));

    assertThat(verifier.verify(edDsa(ED25519, null, claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenInlineSingleJwk_verifyEs256Token_accepts() {
    TokenVerifier verifier =
        verifier(AuthSettings.PUBLIC_KEY, publicJwk(EC, "ec-1").toJSONString());

    assertThat(verifier.verify(es256(EC, "ec-1", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenPemFileLocation_verifyRs256Token_accepts(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("public.pem"), pem(RSA.getPublic()));
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY_LOCATION, file.toString());

    assertThat(verifier.verify(rs256(RSA, null, claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenFileUrlToJwks_verifyEdDsaToken_accepts(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("jwks.json"), jwks(publicJwk(ED25519, "ed-1")));
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY_LOCATION, file.toUri().toString());

    assertThat(verifier.verify(edDsa(ED25519, "ed-1", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenSecretAndPublicKey_verifyEitherKindOfToken_acceptsEach() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.JWT_SECRET,
            SECRET,
            AuthSettings.PUBLIC_KEY,
            jwks(publicJwk(ED25519, "ed-1")));

    assertThat(verifier.verify(hs256(SECRET, claims("alice").build())).subject())
        .isEqualTo("alice");
    assertThat(verifier.verify(edDsa(ED25519, "ed-1", claims("bob").build())).subject())
        .isEqualTo("bob");
  }

  @Test
  void givenScpArrayClaim_verify_readsScopesFromIt() {
    TokenVerifier verifier = verifier(AuthSettings.JWT_SECRET, SECRET);

    VerifiedToken token =
        verifier.verify(hs256(SECRET, claims("alice").claim("scp", List.of("tasks:read")).build()));

    assertThat(token.scopes()).containsExactly("tasks:read");
    assertThat(token.hasScopeClaim()).isTrue();
  }

  @Test
  void givenNoScopeClaim_verify_reportsNoScopeClaimAndNoScopes() {
    TokenVerifier verifier = verifier(AuthSettings.JWT_SECRET, SECRET);

    VerifiedToken token = verifier.verify(hs256(SECRET, claims("alice").build()));

    assertThat(token.scopes()).isEmpty();
    assertThat(token.hasScopeClaim()).isFalse();
  }

  @Test
  void givenIssuerAndAudiences_verifyTokenMatchingBoth_accepts() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.JWT_SECRET, SECRET,
            AuthSettings.ISSUER, "https://auth.example",
            AuthSettings.AUDIENCES, "tasktalk, other-api");

    VerifiedToken token =
        verifier.verify(
            hs256(
                SECRET,
                claims("alice")
                    .issuer("https://auth.example")
                    .audience(List.of("web", "tasktalk"))
                    .build()));

    assertThat(token.subject()).isEqualTo("alice");
  }

  @Test
  void givenTokenExpiredWithinClockSkew_verify_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.JWT_SECRET, SECRET);

    String token =
        hs256(SECRET, claims("alice").expirationTime(Date.from(NOW.minusSeconds(29))).build());

    assertThat(verifier.verify(token).subject()).isEqualTo("alice");
  }

  @Test
  void givenNotBeforeWithinClockSkew_verify_accepts() {
    TokenVerifier verifier = verifier(AuthSettings.JWT_SECRET, SECRET);

    String token =
        hs256(SECRET, claims("alice").notBeforeTime(Date.from(NOW.plusSeconds(29))).build());

    assertThat(verifier.verify(token).subject()).isEqualTo("alice");
  }
}
