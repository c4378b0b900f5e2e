package dev.tasktalk.bootstrap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Objects;

/** The request as seen after a good bearer token: its principal is the token's subject. */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

  static final String AUTH_TYPE = "Bearer";

  private final TokenPrincipal principal;

  AuthenticatedRequest(HttpServletRequest request, TokenPrincipal principal) {
    super(request);
    this.principal = Objects.requireNonNull(principal, "principal");
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public String getRemoteUser() {
    return principal.getName();
  }

  @Override
  public String getAuthType() {
    return AUTH_TYPE;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false; // no container roles: what a caller may do is in the token's scopes
  }
}
