package dev.tasktalk.bootstrap.mcp;

import dev.tasktalk.adapter.in.mcp.McpCaller;
import dev.tasktalk.adapter.in.mcp.TaskMcpServer;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.bootstrap.security.TokenPrincipal;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the MCP server into the WAR at start-up: at {@code /mcp} a router in front of the SDK's
 * classic Streamable HTTP transport (sessions, up to 2025-11-25) and its stateless 2026-07-28
 * transport (the owner taken from the authenticated principal in both), their guards, and the
 * resource metadata.
 */
@WebListener
public class McpServerListener implements ServletContextListener {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final String VERSION = "0.1.0";

  @Inject Toolbox toolbox;

  private McpSyncServer server;
  private HttpServletMcpTransport modern;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .mcpEndpoint(McpEndpoints.MCP)
            .jsonMapper(TaskMcpServer.json())
            .maxRequestSize(MAX_BODY_BYTES)
            .contextExtractor(
                request ->
                    McpCaller.context(
                        request.getUserPrincipal() instanceof TokenPrincipal principal
                            ? principal.userId()
                            : null))
            .build();
    server = TaskMcpServer.start(transport, toolbox, VERSION);

    // Revision 2026-07-28: stateless, so any instance serves any request. Host/Origin, size and
    // Accept are checked by the guard in front of both transports.
    modern =
        HttpServletMcpTransport.builder(TaskMcpServer.modern(toolbox, VERSION))
            .endpoint(McpEndpoints.MCP)
            .jsonMapper(TaskMcpServer.json())
            .maxRequestSize(MAX_BODY_BYTES)
            .httpHeaderValidator(ServerHttpHeaderValidator.NOOP)
            .contextExtractor(
                request ->
                    McpCaller.context(
                        request.getUserPrincipal() instanceof TokenPrincipal principal
                            ? principal.userId()
                            : null))
            .build();

    ServletRegistration.Dynamic mcp =
        context.addServlet("mcp", new McpRouterServlet(transport, modern));
    mcp.setAsyncSupported(true);
    mcp.setLoadOnStartup(1);
    mcp.addMapping(McpEndpoints.MCP);

    // Before the declared filters (authentication): Host/Origin, version, Accept and size checks.
    FilterRegistration.Dynamic guard =
        context.addFilter(
            "mcp-guard", new McpRequestGuard(new HostRules(McpSettings.current()), MAX_BODY_BYTES));
    guard.setAsyncSupported(true);
    guard.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, McpEndpoints.MCP);

    // After authentication, which makes the principal whose scopes this checks.
    Set<String> writeTools =
        toolbox.specs().stream()
            .filter(spec -> !spec.readOnly())
            .map(ToolSpec::name)
            .collect(Collectors.toUnmodifiableSet());
    FilterRegistration.Dynamic scopes =
        context.addFilter("mcp-scopes", new McpScopeFilter(writeTools, MAX_BODY_BYTES));
    scopes.setAsyncSupported(true);
    scopes.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, McpEndpoints.MCP);

    context
        .addServlet("mcp-resource-metadata", new ResourceMetadataServlet())
        .addMapping(McpEndpoints.METADATA, McpEndpoints.MCP_METADATA);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (modern != null) {
      modern.closeGracefully();
    }
    if (server != null) {
      server.closeGracefully();
    }
  }
}
