package dev.tasktalk.adapter.in.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.Optional;

/**
 * Confirmation through MCP elicitation: the client shows the question with a yes/no field and the
 * user's answer decides. Clients that did not declare elicitation are not asked.
 */
final class ExchangeConfirmer implements McpToolHandler.Confirmer {

  private final McpSyncServerExchange exchange;

  ExchangeConfirmer(McpSyncServerExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public Optional<Boolean> confirm(String question) {
    var capabilities = exchange.getClientCapabilities();
    if (capabilities == null || capabilities.elicitation() == null) {
      return Optional.empty();
    }
    ElicitResult result =
        exchange.createElicitation(
            ElicitRequest.builder()
                .message(question)
                .requestedSchema(McpTools.CONFIRM_FORM)
                .build());
    boolean accepted =
        result.action() == ElicitResult.Action.ACCEPT
            && result.content() != null
            && Boolean.TRUE.equals(result.content().get(McpTools.CONFIRM));
    return Optional.of(accepted);
  }
}
