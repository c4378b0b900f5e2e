package dev.tasktalk.bootstrap.security;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Cross-origin access for browser apps on the origins in {@code CORS_ORIGINS} (a ChatKit React app
 * on its own dev server, say). It answers their preflights itself — before the bearer check, since
 * a preflight carries no token — and marks their actual responses readable. Tokens travel in the
 * {@code Authorization} header, never in cookies, so credentials are not allowed and {@code *} is
 * safe. Requests without an {@code Origin}, or from an origin not listed, pass through untouched:
 * the browser then keeps the answer from the other page. {@code /mcp} keeps its own Origin check.
 */
public class CorsFilter implements Filter {

  static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  static final String DEFAULT_ALLOWED_HEADERS =
      "Authorization, Content-Type, Accept, Last-Event-ID, Mcp-Session-Id, Mcp-Protocol-Version,"
          + " Mcp-Method, Mcp-Name";
  // Mcp-Method and Mcp-Name are the request headers MCP 2026-07-28 adds; listed here as well for
  // clients that mirror them back.
  static final String EXPOSED_HEADERS =
      "Location, WWW-Authenticate, Mcp-Session-Id, Mcp-Protocol-Version, Mcp-Method, Mcp-Name";
  static final String MAX_AGE_SECONDS = "600";

  @Inject CorsConfiguration configuration;

  private CorsPolicy policy = CorsPolicy.none();

  public CorsFilter() {}

  CorsFilter(CorsPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void init(FilterConfig config) {
    if (configuration != null) {
      policy = configuration.policy();
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String origin = request.getHeader("Origin");
    if (!policy.enabled() || origin == null) {
      chain.doFilter(request, response);
      return;
    }
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (!policy.allows(origin)) {
      if (preflight) {
        refuse(response, origin);
      } else {
        chain.doFilter(
            request, response); // same-origin pages send Origin too; they need no CORS headers
      }
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", policy.anyOrigin() ? "*" : origin);
    response.addHeader("Vary", "Origin");
    if (preflight) {
      String requested = request.getHeader("Access-Control-Request-Headers");
      response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      response.setHeader(
          "Access-Control-Allow-Headers",
          requested == null || requested.isBlank() ? DEFAULT_ALLOWED_HEADERS : requested);
      response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, String origin) throws IOException {
    byte[] body =
        JsonBodies.utf8(
            JsonBodies.error(
                "origin_not_allowed",
                "cross-origin requests from "
                    + origin
                    + " are not allowed; add the origin to "
                    + CorsPolicy.SETTING));
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
