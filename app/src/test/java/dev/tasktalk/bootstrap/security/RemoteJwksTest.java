package dev.tasktalk.bootstrap.security;

import static dev.tasktalk.bootstrap.security.TestKeys.EC;
import static dev.tasktalk.bootstrap.security.TestKeys.ED25519;
import static dev.tasktalk.bootstrap.security.TestKeys.OTHER_ED25519;
import static dev.tasktalk.bootstrap.security.TestKeys.RSA;
import static dev.tasktalk.bootstrap.security.TestKeys.jwks;
import static dev.tasktalk.bootstrap.security.TestKeys.pem;
import static dev.tasktalk.bootstrap.security.TestKeys.publicJwk;
import static dev.tasktalk.bootstrap.security.TestSettings.SECRET;
import static dev.tasktalk.bootstrap.security.TestSettings.verifier;
import static dev.tasktalk.bootstrap.security.TestTokens.claims;
import static dev.tasktalk.bootstrap.security.TestTokens.edDsa;
import static dev.tasktalk.bootstrap.security.TestTokens.es256;
import static dev.tasktalk.bootstrap.security.TestTokens.hs256;
import static dev.tasktalk.bootstrap.security.TestTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys fetched from a JWKS URL, as Better Auth publishes them at {@code /api/auth/jwks}. */
class RemoteJwksTest {

  private final JwksServer server =
      JwksServer.serving(
          jwks(publicJwk(ED25519, "ed-1"), publicJwk(RSA, "rsa-1"), publicJwk(EC, "ec-1")));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private TokenVerifier remoteVerifier() {
    return verifier(AuthSettings.PUBLIC_KEY_LOCATION, server.url());
  }

  @Test
  void givenJwksUrl_verifyEdDsaToken_accepts() {
    assertThat(remoteVerifier().verify(edDsa(ED25519, "ed-1", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenJwksUrl_verifyRs256Token_accepts() {
    assertThat(remoteVerifier().verify(rs256(RSA, "rsa-1", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenJwksUrl_verifyEs256Token_accepts() {
    assertThat(remoteVerifier().verify(es256(EC, "ec-1", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenJwksUrl_createVerifier_fetchesNothingUntilTheFirstToken() {
    TokenVerifier verifier = remoteVerifier();
    assertThat(server.fetches()).isZero();

    verifier.verify(edDsa(ED25519, "ed-1", claims("alice").build()));

    assertThat(server.fetches()).isEqualTo(1);
  }

  @Test
  void givenFetchedJwks_verifyMoreTokens_usesTheCache() {
    TokenVerifier verifier = remoteVerifier();

    for (int i = 0; i < 5; i++) {
      verifier.verify(edDsa(ED25519, "ed-1", claims("user-" + i).build()));
      verifier.verify(rs256(RSA, "rsa-1", claims("user-" + i).build()));
    }

    assertThat(server.fetches()).isEqualTo(1);
  }

  @Test
  void givenRotatedKeys_verifyTokenWithTheNewKid_refetchesAndAccepts() {
    TokenVerifier verifier = remoteVerifier();
    verifier.verify(edDsa(ED25519, "ed-1", claims("alice").build()));

    server.serve(jwks(publicJwk(OTHER_ED25519, "ed-2")));
    VerifiedToken token = verifier.verify(edDsa(OTHER_ED25519, "ed-2", claims("bob").build()));

    assertThat(token.subject()).isEqualTo("bob");
    assertThat(server.fetches()).isEqualTo(2);
  }

  @Test
  void givenUnknownKids_verifyRepeatedly_refetchesAtMostOncePerInterval() {
    TokenVerifier verifier = remoteVerifier();
    verifier.verify(edDsa(ED25519, "ed-1", claims("alice").build()));

    for (int i = 0; i < 10; i++) {
      String token = edDsa(OTHER_ED25519, "unknown-" + i, claims("mallory").build());
      assertThatThrownBy(() -> verifier.verify(token))
          .isInstanceOf(InvalidTokenException.class)
          .hasMessage("no matching signing key");
    }

    assertThat(server.fetches()).isEqualTo(2);
  }

  @Test
  void givenPemServedAtTheLocation_verifyRs256Token_accepts() {
    server.serve(pem(RSA.getPublic()));

    assertThat(remoteVerifier().verify(rs256(RSA, "any", claims("alice").build())).subject())
        .isEqualTo("alice");
  }

  @Test
  void givenUnreachableJwksUrl_verify_reportsKeysUnavailable() {
    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY_LOCATION, JwksServer.deadUrl());

    assertThatThrownBy(() -> verifier.verify(edDsa(ED25519, "ed-1", claims("alice").build())))
        .isInstanceOf(SigningKeysUnavailableException.class);
  }

  @Test
  void givenJwksServerFailing_verify_reportsKeysUnavailable() {
    server.failWith(500);

    assertThatThrownBy(
            () -> remoteVerifier().verify(edDsa(ED25519, "ed-1", claims("alice").build())))
        .isInstanceOf(SigningKeysUnavailableException.class);
  }

  @Test
  void givenUnreachableJwksUrlAndASecret_verifyHs256Token_acceptsWithoutFetching() {
    TokenVerifier verifier =
        verifier(AuthSettings.JWT_SECRET, SECRET, AuthSettings.PUBLIC_KEY_LOCATION, server.url());

    assertThat(verifier.verify(hs256(SECRET, claims("alice").build())).subject())
        .isEqualTo("alice");
    assertThat(server.fetches()).isZero();
  }

  @Test
  void givenIssuerAndAudience_verifyRemoteEdDsaTokenForThem_accepts() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.PUBLIC_KEY_LOCATION, server.url(),
            AuthSettings.ISSUER, "http://localhost:3000",
            AuthSettings.AUDIENCES, "http://localhost:3000");
    String token =
        edDsa(
            ED25519,
            "ed-1",
            claims("alice")
                .issuer("http://localhost:3000")
                .audience("http://localhost:3000")
                .build());

    assertThat(verifier.verify(token).subject()).isEqualTo("alice");
  }
}
