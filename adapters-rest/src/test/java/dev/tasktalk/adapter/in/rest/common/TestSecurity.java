package dev.tasktalk.adapter.in.rest.common;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * A JAX-RS security context whose principal is {@code user}, as the bearer filter would leave it.
 */
public final class TestSecurity {

  private TestSecurity() {}

  public static SecurityContext as(String user) {
    return new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return () -> user;
      }

      @Override
      public boolean isUserInRole(String role) {
        return false;
      }

      @Override
      public boolean isSecure() {
        return true;
      }

      @Override
      public String getAuthenticationScheme() {
        return "Bearer";
      }
    };
  }
}
