package dev.tasktalk.bootstrap.security;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claim rules every token meets once its signature is good, whatever its algorithm: expiry not
 * past and not-before not ahead (both allowing {@link TokenVerifier#CLOCK_SKEW}), a usable subject,
 * and the configured issuer and audiences.
 */
final class ClaimRules {

  private final Optional<String> issuer;
  private final Set<String> audiences;

  ClaimRules(Optional<String> issuer, List<String> audiences) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audiences = Set.copyOf(audiences);
  }

  VerifiedToken check(JWTClaimsSet claims, Instant now) {
    if (claims.getExpirationTime() == null) {
      throw new InvalidTokenException("token has no expiry");
    }
    Instant expiresAt = claims.getExpirationTime().toInstant();
    if (now.isAfter(expiresAt.plus(TokenVerifier.CLOCK_SKEW))) {
      throw new InvalidTokenException("token has expired");
    }
    if (claims.getNotBeforeTime() != null
        && claims.getNotBeforeTime().toInstant().isAfter(now.plus(TokenVerifier.CLOCK_SKEW))) {
      throw new InvalidTokenException("token is not valid yet");
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("token has no subject");
    }
    if (subject.length() > UserId.MAX_LENGTH) {
      // The subject becomes the owner id; refusing here beats failing deep inside a use case.
      throw new InvalidTokenException("token subject is too long");
    }
    if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
      throw new InvalidTokenException("token issuer is not accepted");
    }
    if (!audiences.isEmpty() && Collections.disjoint(audiences, claims.getAudience())) {
      throw new InvalidTokenException("token audience is not accepted");
    }
    return TokenScopes.of(claims)
        .map(scopes -> new VerifiedToken(subject, scopes, expiresAt))
        .orElseGet(() -> VerifiedToken.withoutScopeClaim(subject, expiresAt));
  }
}
