package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.application.tools.ToolSpec;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/** Describes a task tool to MCP clients: its schemas and its read-only, destructive and idempotent hints. */
final class McpTools {

  static final String DELETE_TASK = "delete_task";
  static final String CONFIRM = "confirm";

  private McpTools() {}

  static Tool describe(ToolSpec spec, McpJsonMapper json) {
    Tool.Builder tool = Tool.builder()
        .name(spec.name())
        .description(description(spec))
        .inputSchema(json, spec.inputSchema())
        .annotations(ToolAnnotations.builder()
            .readOnlyHint(spec.readOnly())
            .destructiveHint(spec.destructive())
            .idempotentHint(spec.idempotent())
            .openWorldHint(false)
            .build());
    if (spec.outputSchema() != null) {
      tool.outputSchema(json, spec.outputSchema());
    }
    return tool.build();
  }

  static String description(ToolSpec spec) {
    if (!DELETE_TASK.equals(spec.name())) {
      return spec.description();
    }
    return "Permanently delete a task. The user must confirm: clients that support elicitation are asked"
        + " to confirm it; otherwise the deletion only happens with confirm: true, which a client sets"
        + " after the user has confirmed, and without it nothing is deleted and the call fails naming"
        + " confirm. To mark a task done use complete_task instead. task_id comes from the"
        + " results of list_tasks or search_tasks.";
  }
}
