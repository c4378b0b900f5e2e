package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.domain.user.UserId;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one task tool for the authenticated caller, with the same rules in both protocol revisions:
 * successes carry {@code structuredContent} (and the same JSON as text), failures are {@code
 * isError} results the client's model can correct, and a destructive tool ({@link
 * ToolSpec#destructive()}, the rule the agent follows too) runs only once the user confirmed. The
 * MCP-only {@code confirm} argument is taken off before the tool sees the arguments.
 */
final class McpToolHandler {

  static final String NOT_AUTHENTICATED = "{\"error\":\"not authenticated\"}";

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

  /** A call's result in neither revision's types: whether it failed, and its JSON content. */
  record Reply(boolean error, String content) {}

  CallToolResult call(McpTransportContext context, CallToolRequest request, Confirmer confirmer) {
    Reply reply = reply(context, request.name(), request.arguments(), confirmer);
    if (reply.error()) {
      return CallToolResult.builder().addTextContent(reply.content()).isError(true).build();
    }
    return CallToolResult.builder()
        .addTextContent(reply.content())
        .structuredContent(json, reply.content())
        .isError(false)
        .build();
  }

  /** The spec of the tool named {@code name}, if the toolbox has one. */
  Optional<ToolSpec> spec(String name) {
    return name == null
        ? Optional.empty()
        : toolbox.specs().stream().filter(spec -> spec.name().equals(name)).findFirst();
  }

  /**
   * Whether this call is of a destructive tool and the user has not confirmed it through {@code
   * confirm: true}.
   */
  boolean needsConfirmation(String name, Map<String, Object> arguments) {
    return destructive(spec(name))
        && !Boolean.TRUE.equals(arguments == null ? null : arguments.get(McpTools.CONFIRM));
  }

  /**
   * The question to put to the user before the call runs, or an error outcome when it cannot run.
   */
  ToolOutcome question(UserId owner, String name, Map<String, Object> arguments) {
    return toolbox.describe(
        new ToolContext(owner, ToolContext.MCP, null, null),
        name,
        toolArguments(spec(name), arguments));
  }

  Reply reply(
      McpTransportContext context,
      String name,
      Map<String, Object> requested,
      Confirmer confirmer) {
    Optional<UserId> owner = McpCaller.owner(context);
    if (owner.isEmpty()) {
      return new Reply(true, NOT_AUTHENTICATED);
    }
    Map<String, Object> arguments = requested == null ? Map.of() : requested;
    ToolContext toolContext = new ToolContext(owner.get(), ToolContext.MCP, null, null);
    Optional<ToolSpec> spec = spec(name);
    String toolArguments = toolArguments(spec, arguments);
    if (needsConfirmation(name, arguments)) {
      ToolOutcome question = toolbox.describe(toolContext, name, toolArguments);
      if (question.error()) {
        return new Reply(true, question.content());
      }
      Optional<Boolean> answer = confirmer.confirm(question.title());
      if (answer.isEmpty()) {
        return new Reply(
            true,
            error(
                name
                    + " needs confirm: true; ask the user to confirm "
                    + quoted(spec, name)
                    + " first. Nothing was done."));
      }
      if (!answer.get()) {
        return new Reply(
            true, error("the user declined " + quoted(spec, name) + "; nothing was done"));
      }
    }
    ToolOutcome outcome = toolbox.call(toolContext, name, toolArguments);
    return new Reply(outcome.error(), outcome.content());
  }

  private static boolean destructive(Optional<ToolSpec> spec) {
    return spec.map(ToolSpec::destructive).orElse(false);
  }

  // The tool's own words for what did not happen, such as “delete task”.
  private static String quoted(Optional<ToolSpec> spec, String name) {
    return "“" + spec.map(ToolSpec::action).orElse(name) + "”";
  }

  // The arguments the tool itself takes, as JSON: without the MCP-only confirm of a destructive
  // tool.
  private String toolArguments(Optional<ToolSpec> spec, Map<String, Object> arguments) {
    if (arguments == null || !arguments.containsKey(McpTools.CONFIRM) || !destructive(spec)) {
      return text(arguments);
    }
    Map<String, Object> without = new LinkedHashMap<>(arguments);
    without.remove(McpTools.CONFIRM);
    return text(without);
  }

  private String error(String message) {
    try {
      return json.writeValueAsString(Map.of("error", message));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String text(Map<String, Object> arguments) {
    try {
      return json.writeValueAsString(arguments == null ? Map.of() : arguments);
    } catch (IOException e) {
      throw new IllegalArgumentException("arguments are not JSON", e);
    }
  }
}
