package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OAuth 2.0 Protected Resource Metadata (RFC 9728) of {@code /mcp}, public: the resource, the
 * authorization servers that issue its tokens, its scopes and that tokens go in the header.
 */
final class ResourceMetadataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    McpSettings settings = McpSettings.current();
    ObjectNode document =
        JSON.createObjectNode().put("resource", McpEndpoints.resource(request, settings));
    authorizationServers(request, settings)
        .forEach(document.putArray("authorization_servers")::add);
    document.putArray("scopes_supported").add("tasks:read").add(McpScopeFilter.WRITE_SCOPE);
    document.putArray("bearer_methods_supported").add("header");
    byte[] body = JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "max-age=300");
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static List<String> authorizationServers(
      HttpServletRequest request, McpSettings settings) {
    if (!settings.authorizationServers().isEmpty()) {
      return settings.authorizationServers();
    }
    return List.of(settings.issuer().orElseGet(() -> McpEndpoints.base(request, settings)));
  }
}
