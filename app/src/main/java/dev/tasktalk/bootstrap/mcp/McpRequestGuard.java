package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks every {@code /mcp} request before authentication and the SDK see it: Host and Origin
 * (403), {@code Accept} (406) and the declared body size (413), each refused with a JSON-RPC error
 * body; a later 401 challenge gets the resource metadata URL. (The protocol version is checked by
 * the router, which knows the request's id and era.)
 */
final class McpRequestGuard implements Filter {

  private final HostRules rules;
  private final long maxBodyBytes;

  McpRequestGuard(HostRules rules, long maxBodyBytes) {
    this.rules = Objects.requireNonNull(rules);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    Refusal refusal = refusal(request);
    if (refusal == null) {
      chain.doFilter(
          request,
          new McpChallengeResponse(
              response, McpEndpoints.metadataUrl(request, McpSettings.current())));
      return;
    }
    if (refusal.status() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
      response.setHeader("Connection", "close"); // the unread body is not worth waiting for
    }
    JsonRpcErrors.send(response, refusal.status(), refusal.code(), refusal.message());
  }

  private Refusal refusal(HttpServletRequest request) {
    String hostOrOrigin = rules.refusal(request.getHeader("Host"), request.getHeader("Origin"));
    if (hostOrOrigin != null) {
      return new Refusal(
          HttpServletResponse.SC_FORBIDDEN, JsonRpcErrors.SERVER_ERROR, hostOrOrigin);
    }
    String accept =
        request.getHeader("Accept") == null
            ? ""
            : request.getHeader("Accept").toLowerCase(Locale.ROOT);
    String method = request.getMethod();
    if ("POST".equals(method)
        && !(accept.contains("application/json") && accept.contains("text/event-stream"))) {
      return new Refusal(
          HttpServletResponse.SC_NOT_ACCEPTABLE,
          JsonRpcErrors.INVALID_REQUEST,
          "Not Acceptable: Accept must list both application/json and text/event-stream");
    }
    if ("GET".equals(method) && !accept.contains("text/event-stream")) {
      return new Refusal(
          HttpServletResponse.SC_NOT_ACCEPTABLE,
          JsonRpcErrors.INVALID_REQUEST,
          "Not Acceptable: Accept must list text/event-stream");
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      return new Refusal(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          JsonRpcErrors.INVALID_REQUEST,
          "Request body larger than " + maxBodyBytes + " bytes");
    }
    return null;
  }

  /** Why a request is turned away: HTTP status, JSON-RPC error code and message. */
  private record Refusal(int status, int code, String message) {}
}
