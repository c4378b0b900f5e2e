package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.application.tools.Toolbox;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;

/** Builds the MCP server that offers the task tools over a given Streamable HTTP transport. */
public final class TaskMcpServer {

  public static final String NAME = "tasktalk";

  private TaskMcpServer() {}

  /** The JSON mapper the transport and the server share. */
  public static McpJsonMapper json() {
    return McpJsonDefaults.getMapper();
  }

  public static McpSyncServer start(McpStreamableServerTransportProvider transport, Toolbox toolbox,
      String version) {
    McpJsonMapper json = json();
    McpToolHandler handler = new McpToolHandler(toolbox, json);
    List<SyncToolSpecification> tools = toolbox.specs().stream()
        .map(spec -> SyncToolSpecification.builder()
            .tool(McpTools.describe(spec, json))
            .callHandler((exchange, request) -> handler.call(exchange, request))
            .build())
        .toList();
    return McpServer.sync(transport)
        .serverInfo(NAME, version)
        .jsonMapper(json)
        .capabilities(ServerCapabilities.builder().tools(false).logging().build())
        .instructions("Tasktalk: the signed-in user's todo list. Use list_tasks or search_tasks to find"
            + " task ids; delete_task needs confirm: true after the user has agreed.")
        .tools(tools)
        .build();
  }
}
