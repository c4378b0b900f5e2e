package dev.tasktalk.bootstrap.security;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requires a verified bearer token on every API, ChatKit and MCP request, and makes the token's
 * {@code sub} the request's principal; refusals are JSON 401s with a {@code WWW-Authenticate}
 * challenge.
 */
@WebFilter(
    filterName = "BearerAuthFilter",
    urlPatterns = {"/api/*", "/chatkit", "/chatkit/*", "/mcp", "/mcp/*"},
    asyncSupported = true)
public class BearerAuthFilter implements Filter {

  /**
   * The request attribute holding the {@link TokenPrincipal}, for code that sees only the raw
   * request.
   */
  public static final String PRINCIPAL_ATTRIBUTE = "tasktalk.principal";

  static final String HEALTH_PATH = "/api/chatkit/health";
  static final String DEV_TOKEN_PATH = "/api/dev/token";
  private static final java.util.regex.Pattern SIGNED_PREVIEW =
      java.util.regex.Pattern.compile("/chatkit/attachments/[A-Za-z0-9_.:-]+/content");

  private static final Logger LOG = Logger.getLogger(BearerAuthFilter.class.getName());
  private static final String BEARER = "bearer";

  @Inject AuthConfiguration auth;

  public BearerAuthFilter() {}

  BearerAuthFilter(AuthConfiguration auth) {
    this.auth = auth;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    // CORS preflights carry no credentials; they must reach the CORS handling untouched.
    if ("OPTIONS".equals(request.getMethod()) || isPublic(request)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> token = bearerToken(request);
    if (token.isEmpty()) {
      refuse(response, "missing bearer token", false);
      return;
    }
    VerifiedToken verified;
    try {
      verified = auth.verifier().verify(token.get());
    } catch (InvalidTokenException e) {
      refuse(response, e.reason(), true);
      return;
    } catch (SigningKeysUnavailableException e) {
      LOG.log(Level.WARNING, "Cannot check a bearer token: {0}", e.getMessage());
      keysUnavailable(response);
      return;
    }
    TokenPrincipal principal = new TokenPrincipal(verified);
    request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
    chain.doFilter(new AuthenticatedRequest(request, principal), response);
  }

  private boolean isPublic(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null || !uri.startsWith(context)) {
      return false;
    }
    // The raw path is compared exactly: no decoding or normalising for a crafted path to abuse.
    String path = uri.substring(context.length());
    // The dev token path is always let through: with dev login off its resource answers 404.
    // A signed attachment preview link proves its owner itself (an <img src> cannot send a token);
    // the attachment servlet verifies the signature.
    return HEALTH_PATH.equals(path)
        || DEV_TOKEN_PATH.equals(path)
        || ("GET".equals(request.getMethod())
            && SIGNED_PREVIEW.matcher(path).matches()
            && request.getParameter("sig") != null);
  }

  private static Optional<String> bearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.strip().split("\\s+", 2);
    if (parts.length != 2 || !BEARER.equalsIgnoreCase(parts[0]) || parts[1].isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parts[1].strip());
  }

  // MCP's resource_metadata is added to this challenge by McpChallengeResponse, on its paths only.
  private static void refuse(HttpServletResponse response, String reason, boolean tokenPresented)
      throws IOException {
    BearerChallenge challenge = BearerChallenge.bearer();
    if (tokenPresented) {
      challenge = challenge.with("error", "invalid_token").with("error_description", reason);
    }
    response.setHeader("WWW-Authenticate", challenge.headerValue());
    write(response, HttpServletResponse.SC_UNAUTHORIZED, JsonBodies.error("unauthorized", reason));
  }

  private static void keysUnavailable(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", "30");
    write(
        response,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        JsonBodies.error(
            "auth_unavailable", "cannot check the token right now; try again shortly"));
  }

  private static void write(HttpServletResponse response, int status, String json)
      throws IOException {
    byte[] body = JsonBodies.utf8(json);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
