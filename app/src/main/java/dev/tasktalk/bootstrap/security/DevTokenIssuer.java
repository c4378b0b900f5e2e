package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs HS256 tokens for dev login with the same secret, issuer and audience the verifier expects,
 * so a person can try the API without an identity provider.
 */
public final class DevTokenIssuer {

  public static final Duration LIFETIME = Duration.ofHours(12);
  public static final String SCOPE = "tasks:read tasks:write";

  private final MACSigner signer;
  private final Optional<String> issuer;
  private final Optional<String> audience;
  private final Clock clock;

  public DevTokenIssuer(
      SharedSecret secret, Optional<String> issuer, List<String> audiences, Clock clock) {
    try {
      this.signer = new MACSigner(secret.keyBytes());
    } catch (JOSEException e) {
      throw new AuthConfigurationException(secret.origin() + " cannot sign HS256 tokens", e);
    }
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = audiences.stream().findFirst();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A token whose subject is {@code user}; the caller has already checked the name. */
  public DevToken issue(String user) {
    // JWT times are whole seconds: truncate so expires_at in the answer equals the token's exp.
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(LIFETIME);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .claim("scope", SCOPE);
    issuer.ifPresent(claims::issuer);
    audience.ifPresent(claims::audience);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return new DevToken(jwt.serialize(), expiresAt, user);
  }
}
