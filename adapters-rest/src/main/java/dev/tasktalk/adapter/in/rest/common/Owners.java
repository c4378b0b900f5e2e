package dev.tasktalk.adapter.in.rest.common;

import dev.tasktalk.domain.user.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * The owner of a request: the verified token's subject as the security layer put it, never the
 * body.
 */
public final class Owners {

  private Owners() {}

  public static UserId of(SecurityContext security) {
    return find(security == null ? null : security.getUserPrincipal())
        .orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  /** The owner named by {@code principal}; empty when there is none or it is no valid user id. */
  public static Optional<UserId> find(Principal principal) {
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new UserId(principal.getName()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
