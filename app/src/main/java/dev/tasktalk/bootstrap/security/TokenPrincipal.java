package dev.tasktalk.bootstrap.security;

import dev.tasktalk.domain.user.UserId;
import java.security.Principal;
import java.util.Objects;

/**
 * The authenticated caller of a request: its name is the verified token's {@code sub}, nothing
 * else.
 */
public record TokenPrincipal(VerifiedToken token) implements Principal {

  public TokenPrincipal {
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String getName() {
    return token.subject();
  }

  /** The owner every use case is called with. */
  public UserId userId() {
    return new UserId(token.subject());
  }
}
