package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims every token meets once its signature is good, whatever its algorithm. Nimbus checks an
 * expiry (required) and a not-before, both allowing {@link #CLOCK_SKEW}, a subject (required), and
 * the configured issuer and audiences; ours is that the subject can be an owner. Refusals leave as
 * {@link InvalidTokenException}s with client-safe reasons.
 */
final class ClaimRules extends DefaultJWTClaimsVerifier<SecurityContext> {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final Clock clock;

  ClaimRules(Optional<String> issuer, List<String> audiences, Clock clock) {
    super(
        audiences.isEmpty() ? null : Set.copyOf(audiences),
        issuer.map(value -> new JWTClaimsSet.Builder().issuer(value).build()).orElse(null),
        Set.of(JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.SUBJECT),
        null);
    setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    this.clock = clock;
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) {
    try {
      super.verify(claims, context);
    } catch (BadJWTException e) {
      throw new InvalidTokenException(reason(e, claims));
    }
    if (claims.getSubject().isBlank()) {
      throw new InvalidTokenException("token has no subject");
    }
    if (claims.getSubject().length() > UserId.MAX_LENGTH) {
      // The subject becomes the owner id; refusing here beats failing deep inside a use case.
      throw new InvalidTokenException("token subject is too long");
    }
  }

  /** What a token that met these rules says. */
  static VerifiedToken token(JWTClaimsSet claims) {
    String subject = claims.getSubject();
    Instant expiresAt = claims.getExpirationTime().toInstant();
    return TokenScopes.of(claims)
        .map(scopes -> new VerifiedToken(subject, scopes, expiresAt))
        .orElseGet(() -> VerifiedToken.withoutScopeClaim(subject, expiresAt));
  }

  @Override
  protected Date currentTime() {
    return Date.from(clock.instant());
  }

  // Nimbus tells its refusals apart by message only (but for expiry); each becomes our reason.
  private static String reason(BadJWTException e, JWTClaimsSet claims) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof ExpiredJWTException) {
      return "token has expired";
    } else if (message.startsWith("JWT missing required claims")) {
      return claims.getExpirationTime() == null
          ? "token has no expiry"
          : claims.getSubject() == null ? "token has no subject" : "token issuer is not accepted";
    } else if (message.contains(" aud ")) {
      return "token audience is not accepted";
    } else if (message.contains(" iss ")) {
      return "token issuer is not accepted";
    } else if (message.contains("before use")) {
      return "token is not valid yet";
    }
    return "token claims are not accepted";
  }
}
