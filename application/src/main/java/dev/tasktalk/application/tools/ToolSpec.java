package dev.tasktalk.application.tools;

import java.util.Objects;

/**
 * A tool as models and MCP clients see it: name, description, input and output JSON Schemas, and the
 * hints that say whether it only reads, destroys data (needs confirmation) or can be repeated safely.
 */
public record ToolSpec(String name, String description, String inputSchema, String outputSchema,
    boolean readOnly, boolean destructive, boolean idempotent) {

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
  }
}
