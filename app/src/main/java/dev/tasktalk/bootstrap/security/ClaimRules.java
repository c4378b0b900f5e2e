package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The claims every token meets once its signature is good, whatever its algorithm: an expiry not
 * past and a not-before not ahead (both allowing {@link #CLOCK_SKEW}), a subject that can be an
 * owner, and the configured issuer and audiences. Nimbus's claims verifier checks all but the
 * subject; it runs in three steps so that a refusal names the first rule broken, in that order, as
 * an {@link InvalidTokenException} with a client-safe reason.
 */
final class ClaimRules implements JWTClaimsSetVerifier<SecurityContext> {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final Clock clock;
  private final DefaultJWTClaimsVerifier<SecurityContext> times;
  private final DefaultJWTClaimsVerifier<SecurityContext> issuer;
  private final DefaultJWTClaimsVerifier<SecurityContext> audience;

  ClaimRules(Optional<String> issuer, List<String> audiences, Clock clock) {
    this.clock = clock;
    this.times = nimbus(null, null, Set.of(JWTClaimNames.EXPIRATION_TIME));
    this.issuer =
        nimbus(
            null,
            issuer.map(iss -> new JWTClaimsSet.Builder().issuer(iss).build()).orElse(null),
            Set.of());
    // A HashSet, not Set.copyOf: the Nimbus that Payara puts first on the class path (10.5) asks
    // the set whether it contains null, which an immutable set answers with a NullPointerException.
    this.audience = nimbus(audiences.isEmpty() ? null : new HashSet<>(audiences), null, Set.of());
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) {
    check(
        times,
        claims,
        e ->
            claims.getExpirationTime() == null
                ? "token has no expiry"
                : e instanceof ExpiredJWTException
                    ? "token has expired"
                    : "token is not valid yet");
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("token has no subject");
    }
    if (subject.length() > UserId.MAX_LENGTH) {
      // The subject becomes the owner id; refusing here beats failing deep inside a use case.
      throw new InvalidTokenException("token subject is too long");
    }
    check(issuer, claims, e -> "token issuer is not accepted");
    check(audience, claims, e -> "token audience is not accepted");
  }

  /** What a token that met these rules says. */
  static VerifiedToken token(JWTClaimsSet claims) {
    String subject = claims.getSubject();
    Instant expiresAt = claims.getExpirationTime().toInstant();
    return TokenScopes.of(claims)
        .map(scopes -> new VerifiedToken(subject, scopes, expiresAt))
        .orElseGet(() -> VerifiedToken.withoutScopeClaim(subject, expiresAt));
  }

  private static void check(
      DefaultJWTClaimsVerifier<SecurityContext> verifier,
      JWTClaimsSet claims,
      Function<BadJWTException, String> reason) {
    try {
      verifier.verify(claims, null);
    } catch (BadJWTException e) {
      throw new InvalidTokenException(reason.apply(e));
    }
  }

  // Each step checks exp and nbf too when present, so every step must read the same clock.
  private DefaultJWTClaimsVerifier<SecurityContext> nimbus(
      Set<String> audiences, JWTClaimsSet exactMatch, Set<String> required) {
    DefaultJWTClaimsVerifier<SecurityContext> verifier =
        new DefaultJWTClaimsVerifier<>(audiences, exactMatch, required, null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    return verifier;
  }
}
