package dev.tasktalk.adapter.out.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpInputHandlerMissingException;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import io.modelcontextprotocol.modern.client.transport.McpHttpStatusException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external MCP server in revision 2026-07-28 (stateless: {@code server/discover}, then
 * self-contained requests), over the SDK's modern sync client. The client declares no elicitation:
 * a tool that needs the user's input is refused, as in the classic revisions (the agent confirms
 * destructive tools with the user itself).
 */
final class ModernConnection implements RemoteConnection {

  static final String REVISION = "2026-07-28";

  private final McpSyncClient client;

  private ModernConnection(McpSyncClient client) {
    this.client = client;
  }

  /** Connects with {@code server/discover}; throws when the server does not speak 2026-07-28. */
  static ModernConnection open(
      URI url, String token, Duration connectTimeout, Duration requestTimeout, JsonMapper json) {
    HttpClientMcpTransport.Builder transport =
        HttpClientMcpTransport.builder(url)
            .connectTimeout(connectTimeout)
            .jsonMapper(new JacksonMcpJsonMapper(json));
    if (token != null) {
      transport.requestCustomizer(
          McpHttpRequestCustomizer.fromSync(
              (request, headers, context) -> headers.set("Authorization", "Bearer " + token)));
    }
    McpSyncClient client =
        McpClient.sync(transport.build())
            .clientInfo(McpSchema.Implementation.builder("tasktalk", "1").title("Tasktalk").build())
            .roundTimeout(requestTimeout)
            .callTimeout(requestTimeout)
            .build();
    McpSchema.DiscoverResult discovered = client.discover();
    if (discovered.supportedVersions() == null
        || !discovered.supportedVersions().contains(REVISION)) {
      throw new IllegalStateException("the server does not offer " + REVISION);
    }
    return new ModernConnection(client);
  }

  @Override
  public String revision() {
    return REVISION;
  }

  @Override
  public Page listTools(String cursor) {
    McpSchema.ListToolsResult page = refusals(() -> client.tools().cursor(cursor).list());
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
    McpSchema.CallToolResult result = refusals(() -> client.tool(name).arguments(arguments).call());
    return new Result(
        Boolean.TRUE.equals(result.isError()), result.structuredContent(), text(result.content()));
  }

  @Override
  public void close() {
    // stateless: nothing to end on the server
  }

  private static <T> T refusals(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (McpException e) {
      throw new Refusal(e.getMessage(), e);
    } catch (McpInputHandlerMissingException e) {
      throw new Refusal(
          "the tool asked for input (" + e.inputKey() + ") that Tasktalk cannot give it", e);
    } catch (McpHttpStatusException e) {
      if (e.statusCode() >= 400
          && e.statusCode() < 500
          && e.statusCode() != 401
          && e.statusCode() != 403) {
        throw new Refusal("the server refused the request (HTTP " + e.statusCode() + ")", e);
      }
      throw e;
    }
  }

  private static String text(List<McpSchema.Content> contents) {
    if (contents == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (McpSchema.Content content : contents) {
      if (content instanceof McpSchema.TextContent text) {
        parts.add(text.text());
      } else if (content instanceof McpSchema.EmbeddedResource resource
          && resource.resource() instanceof McpSchema.TextResourceContents text) {
        parts.add(text.text());
      } else if (content instanceof McpSchema.EmbeddedResource resource) {
        parts.add("[resource " + resource.resource().uri() + "]");
      } else {
        parts.add("[" + content.type() + "]");
      }
    }
    return String.join("\n", parts);
  }
}
