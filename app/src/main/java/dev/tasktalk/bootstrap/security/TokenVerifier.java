package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a compact JWT against every configured key (HS256 secrets, RS256/ES256/EdDSA public keys)
 * and then the same {@link ClaimRules} whatever the algorithm. Plain Java and Nimbus, safe to share
 * between threads.
 */
public final class TokenVerifier {

  public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  public static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS =
      Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

  // Three Base64URL parts; the signature may be empty only so that alg "none" gets its own answer.
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private final List<SigningKeys> keys;
  private final ClaimRules claimRules;
  private final Clock clock;

  TokenVerifier(
      List<SigningKeys> keys, Optional<String> issuer, List<String> audiences, Clock clock) {
    this.keys = List.copyOf(keys);
    this.claimRules = new ClaimRules(issuer, audiences);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Builds a verifier for these settings; bad inline keys or key files fail here, not on first use.
   */
  public static TokenVerifier create(AuthSettings settings, Clock clock) {
    return new TokenVerifier(
        SigningKeysLoader.load(settings), settings.issuer(), settings.audiences(), clock);
  }

  /**
   * The verified token, or {@link InvalidTokenException} with a client-safe reason.
   *
   * @throws SigningKeysUnavailableException if the keys could not be fetched to decide
   */
  public VerifiedToken verify(String compactJwt) {
    if (compactJwt == null || compactJwt.isBlank()) {
      throw new InvalidTokenException("missing token");
    }
    SignedJWT jwt = parseSigned(compactJwt.strip());
    if (!ACCEPTED_ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("unsupported token algorithm");
    }
    checkSignature(jwt);
    return claimRules.check(claimsOf(jwt), clock.instant());
  }

  private static SignedJWT parseSigned(String compact) {
    if (!COMPACT_JWS.matcher(compact).matches()) {
      throw new InvalidTokenException("malformed token");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(compact);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidTokenException("malformed token");
    }
    if (jwt instanceof PlainJWT) {
      throw new InvalidTokenException("unsigned tokens are not accepted");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new InvalidTokenException("malformed token");
    }
    return signed;
  }

  private void checkSignature(SignedJWT jwt) {
    List<JWSVerifier> candidates = new ArrayList<>();
    SigningKeysUnavailableException unavailable = null;
    for (SigningKeys source : keys) {
      try {
        candidates.addAll(source.verifiersFor(jwt.getHeader()));
      } catch (SigningKeysUnavailableException e) {
        unavailable = e; // another source may still hold the key
      }
    }
    for (JWSVerifier verifier : candidates) {
      try {
        if (jwt.verify(verifier)) {
          return;
        }
      } catch (JOSEException | IllegalStateException e) {
        // this key cannot check this token: try the next
      }
    }
    if (unavailable != null) {
      throw unavailable;
    }
    throw new InvalidTokenException(
        candidates.isEmpty() ? "no matching signing key" : "invalid signature");
  }

  private static JWTClaimsSet claimsOf(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException("malformed token claims");
    }
  }
}
