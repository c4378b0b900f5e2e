package dev.tasktalk.bootstrap.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a token's scopes from {@code scope} (space-separated, RFC 8693/9068) or else {@code scp}
 * (an array, or a space-separated string as some issuers send it); empty when the token has neither
 * claim.
 */
final class TokenScopes {

  private TokenScopes() {}

  static Optional<Set<String>> of(JWTClaimsSet claims) {
    Object value = claims.getClaim("scope");
    if (value == null) {
      value = claims.getClaim("scp");
    }
    if (value == null) {
      return Optional.empty();
    }
    Set<String> scopes = new LinkedHashSet<>();
    if (value instanceof String text) {
      Arrays.stream(text.split("\\s+")).filter(scope -> !scope.isEmpty()).forEach(scopes::add);
    } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      list.stream().map(String.class::cast).filter(scope -> !scope.isBlank()).forEach(scopes::add);
    } else {
      throw new InvalidTokenException("malformed scope claim");
    }
    return Optional.of(scopes);
  }
}
