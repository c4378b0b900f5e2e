package dev.tasktalk.application.tools;

import java.util.Locale;
import java.util.Objects;

/**
 * A tool as models and MCP clients see it: name, description, input and output JSON Schemas, the
 * hints that say whether it only reads, destroys data or can be repeated safely, and its action,
 * what it does in words people read ("delete task"), for messages such as "The user cancelled …".
 *
 * <p>{@link #destructive()} is the one rule for confirmation: a destructive tool never runs on a
 * model's or client's word alone, whether the agent or the MCP server is asked to run it.
 */
public record ToolSpec(
    String name,
    String description,
    String inputSchema,
    String outputSchema,
    boolean readOnly,
    boolean destructive,
    boolean idempotent,
    String action) {

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    action = action == null || action.isBlank() ? humanized(name) : action.strip();
  }

  /** A spec whose action is its name in words ("delete_task" as "delete task"). */
  public ToolSpec(
      String name,
      String description,
      String inputSchema,
      String outputSchema,
      boolean readOnly,
      boolean destructive,
      boolean idempotent) {
    this(name, description, inputSchema, outputSchema, readOnly, destructive, idempotent, null);
  }

  /** This spec with another action. */
  public ToolSpec withAction(String newAction) {
    return new ToolSpec(
        name, description, inputSchema, outputSchema, readOnly, destructive, idempotent, newAction);
  }

  private static String humanized(String name) {
    String words = name.replace('_', ' ').strip();
    return words.isEmpty() ? "tool" : words.toLowerCase(Locale.ROOT);
  }
}
