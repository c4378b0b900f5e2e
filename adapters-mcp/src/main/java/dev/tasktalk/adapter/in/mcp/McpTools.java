package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.application.tools.ToolSpec;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a task tool to MCP clients: its schemas and its read-only, destructive and idempotent
 * hints. A destructive tool also takes {@code confirm}, the MCP-only way for a client that cannot
 * ask the user (no elicitation) to say the user agreed; its description says so.
 */
final class McpTools {

  static final String CONFIRM = "confirm";

  private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {};
  private static final Map<String, Object> CONFIRM_PROPERTY =
      Map.of(
          "type",
          "boolean",
          "description",
          "Only for clients that cannot ask the user themselves: true when the user has already"
              + " confirmed this call. Never set it on your own initiative.");

  /** The form an elicitation shows: one yes/no field, {@code confirm}. */
  static final Map<String, Object> CONFIRM_FORM =
      Map.of(
          "type", "object",
          "properties", Map.of(CONFIRM, Map.of("type", "boolean", "title", "Confirm")),
          "required", List.of(CONFIRM));

  private McpTools() {}

  static Tool describe(ToolSpec spec, McpJsonMapper json) {
    Tool.Builder tool =
        Tool.builder()
            .name(spec.name())
            .description(description(spec))
            .inputSchema(json, inputSchema(spec, json))
            .annotations(
                ToolAnnotations.builder()
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
    if (!spec.destructive()) {
      return spec.description();
    }
    return spec.description()
        + " Over MCP the user must confirm it: clients that support elicitation are asked to"
        + " confirm; otherwise it only runs with confirm: true, which a client sets after the user"
        + " has confirmed, and without it nothing is done and the call fails naming confirm.";
  }

  /**
   * The spec's input schema, with {@code confirm} added to the properties of a destructive tool.
   */
  static String inputSchema(ToolSpec spec, McpJsonMapper json) {
    if (!spec.destructive()) {
      return spec.inputSchema();
    }
    try {
      Map<String, Object> schema = new LinkedHashMap<>(json.readValue(spec.inputSchema(), OBJECT));
      Map<String, Object> properties = new LinkedHashMap<>();
      if (schema.get("properties") instanceof Map<?, ?> declared) {
        declared.forEach((name, property) -> properties.put(String.valueOf(name), property));
      }
      properties.put(CONFIRM, CONFIRM_PROPERTY);
      schema.put("properties", properties);
      return json.writeValueAsString(schema);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the input schema of " + spec.name() + " is not a JSON object", e);
    }
  }
}
