package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.domain.user.UserId;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one task tool for the authenticated caller: successes carry {@code structuredContent} (and the
 * same JSON as text), failures are {@code isError} results the client's model can correct.
 */
final class McpToolHandler {

  private final Toolbox toolbox;
  private final McpJsonMapper json;

  McpToolHandler(Toolbox toolbox, McpJsonMapper json) {
    this.toolbox = Objects.requireNonNull(toolbox);
    this.json = Objects.requireNonNull(json);
  }

  CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request) {
    return call(exchange.transportContext(), request, new ExchangeConfirmer(exchange));
  }

  CallToolResult call(McpTransportContext context, CallToolRequest request) {
    return call(context, request, Confirmer.NONE);
  }

  /**
   * Asks the person behind the client to confirm, when the client can ask (MCP elicitation); empty
   * when it cannot, so the caller falls back to requiring {@code confirm: true}.
   */
  interface Confirmer {

    Confirmer NONE = question -> Optional.empty();

    Optional<Boolean> confirm(String question);
  }

  CallToolResult call(McpTransportContext context, CallToolRequest request, Confirmer confirmer) {
    Optional<UserId> owner = McpCaller.owner(context);
    if (owner.isEmpty()) {
      return error("{\"error\":\"not authenticated\"}");
    }
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    if (McpTools.DELETE_TASK.equals(request.name()) && !Boolean.TRUE.equals(arguments.get(McpTools.CONFIRM))) {
      ToolContext toolContext = new ToolContext(owner.get(), ToolContext.MCP, null, null);
      ToolOutcome question = toolbox.describe(toolContext, request.name(), text(arguments));
      if (question.error()) {
        return error(question.content());
      }
      Optional<Boolean> answer = confirmer.confirm(question.title());
      if (answer.isPresent()) {
        if (!answer.get()) {
          return error("{\"error\":\"the user declined the deletion; nothing was deleted\"}");
        }
        return run(toolContext, request.name(), arguments);
      }
      return error("{\"error\":\"delete_task needs confirm: true; ask the user to confirm the deletion first."
          + " Nothing was deleted.\"}");
    }
    return run(new ToolContext(owner.get(), ToolContext.MCP, null, null), request.name(), arguments);
  }

  private CallToolResult run(ToolContext context, String name, Map<String, Object> arguments) {
    ToolOutcome outcome = toolbox.call(context, name, text(arguments));
    if (outcome.error()) {
      return error(outcome.content());
    }
    return CallToolResult.builder()
        .addTextContent(outcome.content())
        .structuredContent(json, outcome.content())
        .isError(false)
        .build();
  }

  private String text(Map<String, Object> arguments) {
    try {
      return json.writeValueAsString(arguments);
    } catch (IOException e) {
      throw new IllegalArgumentException("arguments are not JSON", e);
    }
  }

  private static CallToolResult error(String text) {
    return CallToolResult.builder().addTextContent(text).isError(true).build();
  }
}
