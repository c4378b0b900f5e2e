package dev.tasktalk.bootstrap.security;

import static dev.tasktalk.bootstrap.security.TestSettings.SECRET;
import static dev.tasktalk.bootstrap.security.TestSettings.settings;
import static dev.tasktalk.bootstrap.security.TestTokens.CLOCK;
import static dev.tasktalk.bootstrap.security.TestTokens.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Dev-login tokens, issued and checked by the same {@link AuthConfiguration}. */
class DevLoginTest {

  @Test
  void givenDevLoginOff_devTokenIssuer_isAbsent() {
    AuthConfiguration auth =
        new AuthConfiguration(settings(AuthSettings.JWT_SECRET, SECRET), CLOCK);

    assertThat(auth.devTokenIssuer()).isEmpty();
    assertThat(auth.devLoginEnabled()).isFalse();
    assertThat(auth.mode()).isEqualTo("shared-secret");
  }

  @Test
  void givenDevLoginWithGeneratedSecret_issue_returnsTokenTheVerifierAccepts() {
    AuthConfiguration auth = new AuthConfiguration(settings(AuthSettings.DEV_LOGIN, "true"), CLOCK);

    DevToken token = auth.devTokenIssuer().orElseThrow().issue("alice");
    VerifiedToken verified = auth.verifier().verify(token.token());

    assertThat(token.user()).isEqualTo("alice");
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(verified.subject()).isEqualTo("alice");
    assertThat(verified.scopes()).containsExactlyInAnyOrder("tasks:read", "tasks:write");
    assertThat(verified.expiresAt()).isEqualTo(token.expiresAt());
  }

  @Test
  void givenIssuerAndAudiences_issue_setsIssuerAndFirstAudienceAndPassesTheirChecks()
      throws Exception {
    AuthConfiguration auth =
        new AuthConfiguration(
            settings(
                AuthSettings.DEV_LOGIN, "true",
                AuthSettings.JWT_SECRET, SECRET,
                AuthSettings.ISSUER, "https://tasktalk.local",
                AuthSettings.AUDIENCES, "tasktalk,other"),
            CLOCK);

    DevToken token = auth.devTokenIssuer().orElseThrow().issue("bob@example.com");
    JWTClaimsSet claims = SignedJWT.parse(token.token()).getJWTClaimsSet();

    assertThat(claims.getIssuer()).isEqualTo("https://tasktalk.local");
    assertThat(claims.getAudience()).containsExactly("tasktalk");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(SignedJWT.parse(token.token()).getHeader().getAlgorithm().getName())
        .isEqualTo("HS256");
    assertThat(auth.verifier().verify(token.token()).subject()).isEqualTo("bob@example.com");
  }

  @Test
  void givenDevLoginWithJwtSecret_issue_signsWithThatSecret() {
    AuthConfiguration auth =
        new AuthConfiguration(
            settings(AuthSettings.DEV_LOGIN, "true", AuthSettings.JWT_SECRET, SECRET), CLOCK);

    String token = auth.devTokenIssuer().orElseThrow().issue("alice").token();

    assertThat(TestSettings.verifier(AuthSettings.JWT_SECRET, SECRET).verify(token).subject())
        .isEqualTo("alice");
  }
}
