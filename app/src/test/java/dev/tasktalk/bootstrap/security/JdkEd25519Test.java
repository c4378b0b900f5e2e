package dev.tasktalk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Checked against RFC 8037's example, so the conversions are not just tested on each other. */
class JdkEd25519Test {

  // RFC 8037, appendix A.2 (public key) and A.4 (the signed "Example of Ed25519 signing").
  private static final String RFC_JWK =
      "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
  private static final String RFC_JWS =
      "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
          + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0"
          + "KAg";

  @Test
  void givenRfc8037Key_verifyItsExampleJws_accepts() throws Exception {
    JWSObject jws = JWSObject.parse(RFC_JWS);
    PublicKey key = JdkEd25519.publicKey(OctetKeyPair.parse(RFC_JWK));

    assertThat(jws.verify(JdkEd25519.VERIFIERS.createJWSVerifier(jws.getHeader(), key))).isTrue();
  }

  @Test
  void givenRfc8037Key_convertToJdkKeyAndBack_keepsX() throws Exception {
    OctetKeyPair jwk = OctetKeyPair.parse(RFC_JWK);

    OctetKeyPair back = JdkEd25519.jwk((EdECPublicKey) JdkEd25519.publicKey(jwk));

    assertThat(back.getX()).isEqualTo(jwk.getX());
  }

  @Test
  void givenJdkKey_convertToJwk_givesTheRawKeyAtTheEndOfItsX509Form() throws Exception {
    EdECPublicKey key = (EdECPublicKey) TestKeys.ED25519.getPublic();
    byte[] x509 = key.getEncoded();

    byte[] x = JdkEd25519.jwk(key).getDecodedX();

    assertThat(x).containsExactly(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
  }
}
