package dev.tasktalk.bootstrap.security;

import static dev.tasktalk.bootstrap.security.TestKeys.RSA;
import static dev.tasktalk.bootstrap.security.TestKeys.jwks;
import static dev.tasktalk.bootstrap.security.TestKeys.pem;
import static dev.tasktalk.bootstrap.security.TestKeys.publicJwk;
import static dev.tasktalk.bootstrap.security.TestSettings.verifier;
import static dev.tasktalk.bootstrap.security.TestTokens.claims;
import static dev.tasktalk.bootstrap.security.TestTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key settings that cannot work must stop the start-up, naming the variable to fix. */
class SigningKeysLoaderTest {

  @Test
  void givenInlinePublicKeyThatIsNotAKey_createVerifier_failsNamingTheVariable() {
    assertThatThrownBy(() -> verifier(AuthSettings.PUBLIC_KEY, "not a key at all"))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageStartingWith("MP_JWT_VERIFY_PUBLICKEY (mp.jwt.verify.publickey)");
  }

  @Test
  void givenPrivateKeyPem_createVerifier_failsSayingItIsNotAPublicKey() {
    String privatePem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(RSA.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> verifier(AuthSettings.PUBLIC_KEY, privatePem))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageContaining("PRIVATE KEY");
  }

  @Test
  void givenJwksWithOnlySymmetricKeys_createVerifier_failsForLackOfPublicKey() {
    String octJwks =
        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"}]}";

    assertThatThrownBy(() -> verifier(AuthSettings.PUBLIC_KEY, octJwks))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageContaining("no RSA, EC P-256 or Ed25519 public key");
  }

  @Test
  void givenMissingKeyFile_createVerifier_failsNamingTheLocationVariable(@TempDir Path dir) {
    String missing = dir.resolve("nope.pem").toString();

    assertThatThrownBy(() -> verifier(AuthSettings.PUBLIC_KEY_LOCATION, missing))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageStartingWith(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION (mp.jwt.verify.publickey.location)")
        .hasMessageContaining("nope.pem");
  }

  @Test
  void givenMalformedKeyUrl_createVerifier_failsNamingTheLocationVariable() {
    assertThatThrownBy(() -> verifier(AuthSettings.PUBLIC_KEY_LOCATION, "https://exa mple/jwks"))
        .isInstanceOf(AuthConfigurationException.class)
        .hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
  }

  @Test
  void givenPemWithoutItsHeaderLines_createVerifier_acceptsTheBareBase64Key() {
    String bare = Base64.getEncoder().encodeToString(RSA.getPublic().getEncoded());

    assertThat(
            verifier(AuthSettings.PUBLIC_KEY, bare)
                .verify(rs256(RSA, null, claims("alice").build()))
                .subject())
        .isEqualTo("alice");
  }

  @Test
  void givenBase64UrlEncodedJwks_createVerifier_acceptsIt() {
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(jwks(publicJwk(RSA, "rsa-1")).getBytes());

    assertThat(
            verifier(AuthSettings.PUBLIC_KEY, encoded)
                .verify(rs256(RSA, "rsa-1", claims("alice").build()))
                .subject())
        .isEqualTo("alice");
  }

  @Test
  void givenPrivateJwk_createVerifier_keepsOnlyThePublicHalf() throws Exception {
    RSAKey privateJwk =
        new RSAKey.Builder((java.security.interfaces.RSAPublicKey) RSA.getPublic())
            .privateKey(RSA.getPrivate())
            .keyID("rsa-1")
            .build();

    TokenVerifier verifier = verifier(AuthSettings.PUBLIC_KEY, privateJwk.toJSONString());

    assertThat(verifier.verify(rs256(RSA, "rsa-1", claims("alice").build())).subject())
        .isEqualTo("alice");
    assertThat(KeyMaterial.parse(privateJwk.toJSONString()).getKeys())
        .allMatch(key -> !key.isPrivate());
  }

  @Test
  void givenPemOfSeveralKeys_createVerifier_acceptsTokensOfEach() {
    TokenVerifier verifier =
        verifier(
            AuthSettings.PUBLIC_KEY, pem(RSA.getPublic()) + pem(TestKeys.OTHER_RSA.getPublic()));

    assertThat(verifier.verify(rs256(TestKeys.OTHER_RSA, null, claims("bob").build())).subject())
        .isEqualTo("bob");
  }

  @Test
  void givenPemWithLiteralBackslashNLineBreaks_createVerifier_acceptsIt() {
    String escaped = pem(RSA.getPublic()).replace("\n", "\\n");

    assertThat(
            verifier(AuthSettings.PUBLIC_KEY, escaped)
                .verify(rs256(RSA, null, claims("alice").build()))
                .subject())
        .isEqualTo("alice");
  }
}
