package dev.tasktalk.bootstrap.mcp;

import dev.tasktalk.bootstrap.security.BearerChallenge;
import dev.tasktalk.bootstrap.security.TokenPrincipal;
import dev.tasktalk.bootstrap.security.VerifiedToken;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs after authentication: reads a POSTed JSON-RPC message (up to the size limit, else 413) and
 * answers a {@code tools/call} of a write tool with HTTP 403 {@code insufficient_scope} when the
 * token's scope claim lacks {@code tasks:write}; tokens without a scope claim have every scope.
 */
final class McpScopeFilter implements Filter {

  static final String WRITE_SCOPE = "tasks:write";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Set<String> writeTools;
  private final int maxBodyBytes;

  McpScopeFilter(Set<String> writeTools, int maxBodyBytes) {
    this.writeTools = Set.copyOf(Objects.requireNonNull(writeTools));
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = read(request.getInputStream());
    if (body == null) {
      JsonRpcErrors.send(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          JsonRpcErrors.INVALID_REQUEST,
          "Request body larger than " + maxBodyBytes + " bytes");
      return;
    }
    JsonNode message = parse(body);
    if (message != null) {
      request.setAttribute(McpRevision.MESSAGE_ATTRIBUTE, message);
    }
    String tool = writeToolCalled(message);
    if (tool != null && !mayWrite(request)) {
      McpSettings settings = McpSettings.current();
      response.setHeader(
          "WWW-Authenticate",
          BearerChallenge.bearer()
              .with("error", "insufficient_scope")
              .with("scope", WRITE_SCOPE)
              .with("resource_metadata", McpEndpoints.metadataUrl(request, settings))
              .with("error_description", tool + " needs the " + WRITE_SCOPE + " scope")
              .headerValue());
      JsonRpcErrors.send(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          JsonRpcErrors.SERVER_ERROR,
          "insufficient_scope: " + tool + " needs the " + WRITE_SCOPE + " scope",
          message.get("id"));
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private String writeToolCalled(JsonNode message) {
    if (message == null
        || !message.isObject()
        || !"tools/call".equals(message.path("method").asString(""))) {
      return null;
    }
    String name = message.path("params").path("name").asString("");
    return writeTools.contains(name) ? name : null;
  }

  private static boolean mayWrite(HttpServletRequest request) {
    if (!(request.getUserPrincipal() instanceof TokenPrincipal principal)) {
      return false;
    }
    VerifiedToken token = principal.token();
    return !token.hasScopeClaim() || token.scopes().contains(WRITE_SCOPE);
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return null; // the transports answer malformed JSON-RPC themselves
    }
  }

  // The whole body, or null when it is longer than the limit.
  private byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > maxBodyBytes) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
