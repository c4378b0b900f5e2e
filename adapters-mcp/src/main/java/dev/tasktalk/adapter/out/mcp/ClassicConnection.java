package dev.tasktalk.adapter.out.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external MCP server in the classic revisions (initialize, a session), over the SDK's sync
 * client.
 */
final class ClassicConnection implements RemoteConnection {

  private final McpSyncClient client;

  private ClassicConnection(McpSyncClient client) {
    this.client = client;
  }

  /** Connects and completes the initialize handshake. */
  static ClassicConnection open(
      URI url, String token, Duration connectTimeout, Duration requestTimeout, JsonMapper json) {
    String base = url.getScheme() + "://" + url.getRawAuthority();
    String endpoint =
        (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    HttpClientStreamableHttpTransport.Builder transport =
        HttpClientStreamableHttpTransport.builder(base)
            .endpoint(endpoint)
            .connectTimeout(connectTimeout)
            .jsonMapper(new JacksonMcpJsonMapper(json));
    if (token != null) {
      transport.httpRequestCustomizer(
          (request, method, uri, body, context) ->
              request.header("Authorization", "Bearer " + token));
    }
    McpSyncClient created =
        McpClient.sync(transport.build())
            .requestTimeout(requestTimeout)
            .initializationTimeout(requestTimeout)
            .clientInfo(new McpSchema.Implementation("tasktalk", "Tasktalk", "1"))
            .build();
    try {
      created.initialize();
    } catch (RuntimeException e) {
      closeQuietly(created);
      throw e;
    }
    return new ClassicConnection(created);
  }

  @Override
  public String revision() {
    McpSchema.InitializeResult init = client.getCurrentInitializationResult();
    return init == null ? "classic" : init.protocolVersion();
  }

  @Override
  public Page listTools(String cursor) {
    McpSchema.ListToolsResult page =
        refusals(() -> cursor == null ? client.listTools() : client.listTools(cursor));
    List<Tool> tools = new ArrayList<>();
    for (McpSchema.Tool tool : page.tools() == null ? List.<McpSchema.Tool>of() : page.tools()) {
      McpSchema.ToolAnnotations hints = tool.annotations();
      tools.add(
          new Tool(
              tool.name(),
              tool.title(),
              tool.description(),
              tool.inputSchema(),
              tool.outputSchema(),
              hints == null ? null : hints.readOnlyHint(),
              hints == null ? null : hints.destructiveHint(),
              hints == null ? null : hints.idempotentHint(),
              hints == null ? null : hints.title()));
    }
    return new Page(tools, page.nextCursor());
  }

  @Override
  public Result callTool(String name, Map<String, Object> arguments) {
    McpSchema.CallToolResult result =
        refusals(() -> client.callTool(new McpSchema.CallToolRequest(name, arguments)));
    return new Result(
        Boolean.TRUE.equals(result.isError()), result.structuredContent(), text(result.content()));
  }

  @Override
  public void close() {
    closeQuietly(client);
  }

  private static <T> T refusals(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (McpError e) {
      if (isRefusal(e)) {
        throw new Refusal(e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Whether the server answered with a JSON-RPC error, as opposed to not answering at all. */
  private static boolean isRefusal(McpError error) {
    if (error.getJsonRpcError() == null) {
      return false;
    }
    Throwable root = McpError.findRootCause(error);
    return root == error || !(root instanceof IOException || root instanceof TimeoutException);
  }

  static String text(List<McpSchema.Content> contents) {
    if (contents == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (McpSchema.Content content : contents) {
      if (content instanceof McpSchema.TextContent text) {
        parts.add(text.text());
      } else if (content instanceof McpSchema.ImageContent image) {
        parts.add("[image " + image.mimeType() + "]");
      } else if (content instanceof McpSchema.AudioContent audio) {
        parts.add("[audio " + audio.mimeType() + "]");
      } else if (content instanceof McpSchema.ResourceLink link) {
        parts.add("[resource " + link.uri() + "]");
      } else if (content instanceof McpSchema.EmbeddedResource resource) {
        McpSchema.ResourceContents embedded = resource.resource();
        parts.add(
            embedded instanceof McpSchema.TextResourceContents text
                ? text.text()
                : "[resource " + embedded.uri() + "]");
      }
    }
    return String.join("\n", parts);
  }

  private static void closeQuietly(McpSyncClient closing) {
    try {
      closing.close();
    } catch (RuntimeException e) {
      System.getLogger(ClassicConnection.class.getName())
          .log(System.Logger.Level.DEBUG, "closing failed", e);
    }
  }
}
