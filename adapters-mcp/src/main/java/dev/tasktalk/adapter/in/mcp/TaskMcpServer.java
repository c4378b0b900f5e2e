package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.application.tools.Toolbox;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema.CacheScope;
import io.modelcontextprotocol.modern.McpSchema.Implementation;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;

/**
 * Builds the MCP servers that offer the task tools: the classic one (revisions up to 2025-11-25,
 * over a Streamable HTTP transport with sessions) and the stateless one for revision 2026-07-28.
 */
public final class TaskMcpServer {

  public static final String NAME = "tasktalk";

  /** The revision the stateless server speaks. */
  public static final String MODERN_VERSION = "2026-07-28";

  /**
   * How long clients and shared caches may keep {@code server/discover} and {@code tools/list}: the
   * same for every caller and only changed by a new release.
   */
  public static final long LIST_TTL_MS = 300_000;

  private static final String INSTRUCTIONS =
      "Tasktalk: the signed-in user's todo list. Use list_tasks or search_tasks to find task ids;"
          + " destructive tools such as delete_task need the user's confirmation (asked through the"
          + " client, or confirm: true after the user has agreed).";

  private TaskMcpServer() {}

  /** The JSON mapper the transport and the server share. */
  public static McpJsonMapper json() {
    return McpJsonDefaults.getMapper();
  }

  public static McpSyncServer start(
      McpStreamableServerTransportProvider transport, Toolbox toolbox, String version) {
    McpJsonMapper json = json();
    McpToolHandler handler = new McpToolHandler(toolbox, json);
    List<SyncToolSpecification> tools =
        toolbox.specs().stream()
            .map(
                spec ->
                    SyncToolSpecification.builder()
                        .tool(McpTools.describe(spec, json))
                        .callHandler((exchange, request) -> handler.call(exchange, request))
                        .build())
            .toList();
    return McpServer.sync(transport)
        .serverInfo(NAME, version)
        .jsonMapper(json)
        .capabilities(ServerCapabilities.builder().tools(false).logging().build())
        .instructions(INSTRUCTIONS)
        .tools(tools)
        .build();
  }

  /**
   * The stateless server for revision 2026-07-28 (the SDK's modern package): {@code
   * server/discover}, {@code tools/list} and {@code tools/call}, with caching hints, and the owner
   * taken from the transport context like the classic server.
   */
  public static io.modelcontextprotocol.modern.server.McpServer modern(
      Toolbox toolbox, String version) {
    McpJsonMapper json = json();
    ModernToolRepository tools =
        new ModernToolRepository(toolbox.specs(), new McpToolHandler(toolbox, json), json);
    return io.modelcontextprotocol.modern.server.McpServer.builder()
        .serverInfo(Implementation.builder(NAME, version).build())
        .instructions(INSTRUCTIONS)
        .supportedVersions(List.of(MODERN_VERSION))
        .jsonMapper(json)
        .discoverCache(LIST_TTL_MS, CacheScope.PUBLIC)
        .feature(
            ToolsFeature.ofSync(
                tools, json, McpJsonDefaults.getSchemaValidator(), LIST_TTL_MS, CacheScope.PUBLIC))
        .build();
  }
}
