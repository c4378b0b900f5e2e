package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.domain.user.UserId;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema.CallToolOutcome;
import io.modelcontextprotocol.modern.McpSchema.CallToolRequest;
import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.modern.McpSchema.ElicitResult;
import io.modelcontextprotocol.modern.McpSchema.InputRequiredResult;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.McpSchema.ToolAnnotations;
import io.modelcontextprotocol.modern.server.InputResponses;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task tools for revision 2026-07-28: the same tools, schemas, hints and rules as the classic
 * server, listed in name order. A call of a destructive tool without {@code confirm: true} from a
 * client that can show a form ends in an input-required result asking the user; the client's retry
 * carries the original arguments plus the answer, so any instance can finish it (no request state
 * is kept).
 */
final class ModernToolRepository implements McpSyncToolRepository {

  /**
   * The key of the confirmation in {@code inputRequests} / {@code inputResponses}, for every
   * destructive tool; named when {@code delete_task} was the only one, and kept so that clients
   * need not change.
   */
  static final String CONFIRM_INPUT = "confirm_delete";

  private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {};

  private final McpToolHandler handler;
  private final McpJsonMapper json;
  private final List<Tool> tools;
  private final Map<String, McpSyncTool> byName = new LinkedHashMap<>();

  ModernToolRepository(List<ToolSpec> specs, McpToolHandler handler, McpJsonMapper json) {
    this.handler = handler;
    this.json = json;
    this.tools =
        specs.stream().sorted(Comparator.comparing(ToolSpec::name)).map(this::describe).toList();
    for (Tool tool : tools) {
      byName.put(tool.name(), McpSyncTool.of(tool, this::call));
    }
  }

  @Override
  public ToolsPage list(McpRequestContext context, String cursor) {
    if (cursor != null) {
      throw McpException.invalidParams("Invalid cursor: the tool list has a single page");
    }
    return new ToolsPage(tools, null, null, null);
  }

  @Override
  public McpSyncTool find(McpRequestContext context, String name) {
    return name == null ? null : byName.get(name);
  }

  private McpSyncResponse<CallToolOutcome> call(
      McpRequestContext context, CallToolRequest request) {
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    McpToolHandler.Confirmer confirmer = McpToolHandler.Confirmer.NONE;
    if (handler.needsConfirmation(request.name(), arguments)) {
      Optional<Boolean> answer = answer(request);
      if (answer.isEmpty() && canAsk(context)) {
        Optional<UserId> owner = McpCaller.owner(context.transportContext());
        if (owner.isEmpty()) {
          return McpSyncResponse.result(error(McpToolHandler.NOT_AUTHENTICATED));
        }
        ToolOutcome question = handler.question(owner.get(), request.name(), arguments);
        if (question.error()) {
          return McpSyncResponse.result(error(question.content()));
        }
        return McpSyncResponse.result(
            InputRequiredResult.builder()
                .elicit(
                    CONFIRM_INPUT,
                    ElicitFormRequest.builder(question.title(), McpTools.CONFIRM_FORM).build())
                .build());
      }
      confirmer = question -> answer;
    }
    McpToolHandler.Reply reply =
        handler.reply(context.transportContext(), request.name(), arguments, confirmer);
    if (reply.error()) {
      return McpSyncResponse.result(error(reply.content()));
    }
    return McpSyncResponse.result(
        CallToolResult.builder()
            .addContent(TextContent.builder(reply.content()).build())
            .structuredContent(structured(reply.content()))
            .isError(false)
            .build());
  }

  // The user's answer from a retry's inputResponses; empty on a first call or a malformed answer.
  private Optional<Boolean> answer(CallToolRequest request) {
    Map<String, Object> responses = request.inputResponses();
    if (responses == null || !(responses.get(CONFIRM_INPUT) instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    ElicitResult result;
    try {
      result = InputResponses.get(responses, CONFIRM_INPUT, ElicitResult.class, json);
    } catch (RuntimeException e) {
      throw McpException.invalidParams(
          "inputResponses['" + CONFIRM_INPUT + "'] is not an elicitation result");
    }
    if (result == null || result.action() == null) {
      return Optional.empty();
    }
    return Optional.of(
        result.action() == ElicitResult.Action.ACCEPT
            && result.content() != null
            && Boolean.TRUE.equals(result.content().get(McpTools.CONFIRM)));
  }

  private static boolean canAsk(McpRequestContext context) {
    return context.clientCapabilities() != null
        && context.clientCapabilities().supportsElicitationForm();
  }

  private Object structured(String content) {
    try {
      return json.readValue(content, OBJECT);
    } catch (IOException | RuntimeException e) {
      return Map.of("text", content);
    }
  }

  private static CallToolResult error(String text) {
    return CallToolResult.builder()
        .addContent(TextContent.builder(text).build())
        .isError(true)
        .build();
  }

  private Tool describe(ToolSpec spec) {
    Tool.Builder tool =
        Tool.builder(spec.name(), json, McpTools.inputSchema(spec, json))
            .description(McpTools.description(spec))
            .annotations(
                new ToolAnnotations(
                    null, spec.readOnly(), spec.destructive(), spec.idempotent(), false));
    if (spec.outputSchema() != null) {
      tool.outputSchema(json, spec.outputSchema());
    }
    return tool.build();
  }
}
