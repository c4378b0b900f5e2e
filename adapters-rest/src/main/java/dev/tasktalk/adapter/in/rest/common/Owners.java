package dev.tasktalk.adapter.in.rest.common;

import dev.tasktalk.domain.user.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The owner of a request: the verified token's subject as the security layer put it, never the body. */
public final class Owners {

  private Owners() {}

  public static UserId of(SecurityContext security) {
    Principal principal = security == null ? null : security.getUserPrincipal();
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      throw new NotAuthorizedException("Bearer");
    }
    return new UserId(principal.getName());
  }
}
