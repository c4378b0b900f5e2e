package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@code /mcp} for both protocol eras: hands each request to the SDK's classic Streamable HTTP
 * transport (sessions, up to 2025-11-25) or to its stateless 2026-07-28 transport, by {@link
 * McpRevision}. Whatever either answers, an error leaves as a JSON-RPC error object: container
 * error pages, serialised exceptions and exceptions thrown out of a transport are replaced.
 */
final class McpRouterServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(McpRouterServlet.class.getName());

  private final transient HttpServlet classic;
  private final transient HttpServlet modern;

  McpRouterServlet(HttpServlet classic, HttpServlet modern) {
    this.classic = Objects.requireNonNull(classic);
    this.modern = Objects.requireNonNull(modern);
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    classic.init(config);
    modern.init(config);
  }

  @Override
  public void destroy() {
    classic.destroy();
    modern.destroy();
    super.destroy();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    McpRevision revision = McpRevision.of(request);
    String version = request.getHeader(McpRevision.PROTOCOL_VERSION_HEADER);
    if (revision == McpRevision.CLASSIC
        && version != null
        && !McpRevision.SUPPORTED.contains(version.strip())) {
      // A modern-shaped request with an unknown version is left to the SDK, which answers -32022
      // listing the versions server/discover names.
      JsonRpcErrors.unsupportedVersion(
          response,
          version.strip(),
          McpRevision.SUPPORTED_LIST,
          request.getAttribute(McpRevision.MESSAGE_ATTRIBUTE) instanceof JsonNode message
              ? message.get("id")
              : null);
      return;
    }
    if (revision == McpRevision.MODERN && !"POST".equals(request.getMethod())) {
      // 2026-07-28 has no GET stream and no sessions to DELETE.
      response.setHeader("Allow", "POST");
      JsonRpcErrors.send(
          response,
          HttpServletResponse.SC_METHOD_NOT_ALLOWED,
          JsonRpcErrors.INVALID_REQUEST,
          "Method Not Allowed: revision " + McpRevision.MODERN_VERSION + " accepts POST only");
      return;
    }
    JsonErrorResponse guarded = new JsonErrorResponse(response);
    try {
      (revision == McpRevision.MODERN ? modern : classic).service(request, guarded);
    } catch (ServletException | IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "MCP " + revision + " transport failed on " + request.getMethod(), e);
      guarded.failed();
      return;
    }
    guarded.finish();
  }
}
