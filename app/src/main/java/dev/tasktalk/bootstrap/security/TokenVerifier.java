package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a compact JWT with Nimbus's JWT processor, once per configured key source (HS256 secrets,
 * RS256/ES256/EdDSA public keys) until one holds its key, and the same {@link ClaimRules} whatever
 * the algorithm. Safe to share between threads.
 */
public final class TokenVerifier {

  private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS =
      Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

  // Three Base64URL parts; the signature may be empty only so that alg "none" gets its own answer.
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private final List<JWTProcessor<SecurityContext>> processors;

  TokenVerifier(List<JWSKeySelector<SecurityContext>> keySources, ClaimRules claimRules) {
    this.processors = keySources.stream().map(keys -> processor(keys, claimRules)).toList();
  }

  /**
   * Builds a verifier for these settings; bad inline keys or key files fail here, not on first use.
   */
  public static TokenVerifier create(AuthSettings settings, Clock clock) {
    return new TokenVerifier(
        SigningKeysLoader.load(settings),
        new ClaimRules(settings.issuer(), settings.audiences(), clock));
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
    String refusal = "no matching signing key";
    KeySourceException unavailable = null;
    for (JWTProcessor<SecurityContext> processor : processors) {
      try {
        return ClaimRules.token(processor.process(jwt, null));
      } catch (BadJWSException e) {
        refusal = "invalid signature"; // a key fitted, the signature did not: try the next source
      } catch (BadJWTException e) {
        // ClaimRules refuses with its own exception: this is a payload that is no claims set.
        throw new InvalidTokenException("malformed token claims");
      } catch (BadJOSEException | RateLimitReachedException e) {
        // No key of this source fits (an unknown kid refreshes a remote set only so often).
      } catch (KeySourceException e) {
        unavailable = e; // another source may still hold the key
      } catch (JOSEException e) {
        refusal = "invalid signature"; // this key cannot check this token
      }
    }
    if (unavailable != null) {
      throw new SigningKeysUnavailableException(
          "cannot fetch signing keys: " + unavailable.getMessage(), unavailable);
    }
    throw new InvalidTokenException(refusal);
  }

  private static JWTProcessor<SecurityContext> processor(
      JWSKeySelector<SecurityContext> keys, ClaimRules claimRules) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier((type, context) -> {}); // issuers send "JWT", "at+jwt" or none
    processor.setJWSKeySelector(keys);
    processor.setJWSVerifierFactory(JdkEd25519.VERIFIERS);
    processor.setJWTClaimsSetVerifier(claimRules);
    return processor;
  }

  private static SignedJWT parseSigned(String compact) {
    JWT jwt;
    try {
      jwt = COMPACT_JWS.matcher(compact).matches() ? JWTParser.parse(compact) : null;
    } catch (ParseException | RuntimeException e) {
      jwt = null;
    }
    if (jwt instanceof PlainJWT) {
      throw new InvalidTokenException("unsigned tokens are not accepted");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new InvalidTokenException("malformed token");
    }
    return signed;
  }
}
