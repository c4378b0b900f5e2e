package dev.tasktalk.application.tools;

import dev.tasktalk.domain.todo.Todo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas (draft 2020-12 keywords only) of the task tools: the argument properties they share,
 * and the shapes of their results.
 */
final class TaskSchemas {

  static final String DATE_FORMAT = "ISO date 2026-11-23 or date-time 2026-11-23T09:00:00Z";

  private TaskSchemas() {}

  /** An object schema with these properties (name, schema pairs), refusing any other property. */
  static ObjectNode object(Object... namesAndSchemas) {
    ObjectNode properties = ToolJson.object();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.set((String) namesAndSchemas[i], (JsonNode) namesAndSchemas[i + 1]);
    }
    ObjectNode schema = ToolJson.object().put("type", "object");
    schema.set("properties", properties);
    return schema.put("additionalProperties", false);
  }

  static ObjectNode required(ObjectNode schema, String... names) {
    ArrayNode required = schema.putArray("required");
    for (String name : names) {
      required.add(name);
    }
    return schema;
  }

  static ObjectNode string(String description) {
    return ToolJson.object().put("type", "string").put("description", description);
  }

  static ObjectNode choice(String description, String... values) {
    ObjectNode schema = string(description);
    ArrayNode allowed = schema.putArray("enum");
    for (String value : values) {
      allowed.add(value);
    }
    return schema;
  }

  // No "format": "uuid" here, though it is one: some providers (Gemini) refuse string formats other than
  // date-time and enum in tool parameters.
  static ObjectNode taskId() {
    return string("The task's id, exactly as returned by list_tasks, search_tasks or add_task; never guess one.");
  }

  static ObjectNode title(String description) {
    return string(description).put("minLength", 1).put("maxLength", Todo.MAX_TITLE);
  }

  static ObjectNode description(String description) {
    return string(description).put("maxLength", Todo.MAX_DESCRIPTION);
  }

  static ObjectNode priority(String description) {
    return choice(description, "low", "medium", "high");
  }

  static ObjectNode status(String description) {
    return choice(description, "open", "done", "all");
  }

  static ObjectNode due(String description) {
    return string(description + " (" + DATE_FORMAT + "; UTC unless the date-time has an offset).");
  }

  static ObjectNode tags(String description) {
    ObjectNode schema = ToolJson.object().put("type", "array").put("description", description)
        .put("maxItems", Todo.MAX_TAGS);
    schema.set("items",
        ToolJson.object().put("type", "string").put("minLength", 1).put("maxLength", Todo.MAX_TAG));
    return schema;
  }

  static ObjectNode limit(int otherwise) {
    return ToolJson.object().put("type", "integer")
        .put("description", "How many tasks to return at most (default " + otherwise + ").")
        .put("minimum", 1).put("maximum", TaskArguments.MAX_LIMIT);
  }

  /** {@code {"task": {...}}}: one task. */
  static ObjectNode oneTask() {
    return required(object("task", task()), "task");
  }

  /** {@code {"deleted": true, "task": {...}}}: the task as it was before it was deleted. */
  static ObjectNode deletedTask() {
    return required(object("deleted", ToolJson.object().put("const", true), "task", task()), "deleted", "task");
  }

  /** {@code {"tasks": [...], "count": n, "has_more": b}}: a page of tasks. */
  static ObjectNode taskList() {
    ObjectNode tasks = ToolJson.object().put("type", "array");
    tasks.set("items", task());
    return required(object("tasks", tasks, "count", type("integer"), "has_more", type("boolean")),
        "tasks", "count", "has_more");
  }

  private static ObjectNode task() {
    ObjectNode tags = type("array");
    tags.set("items", type("string"));
    return required(object(
            "id", type("string"), "title", type("string"), "description", nullable("string"),
            "priority", priority("How urgent the task is."), "due", nullable("string"), "tags", tags,
            "completed", type("boolean"), "created_at", type("string"), "updated_at", type("string"),
            "completed_at", nullable("string")),
        "id", "title", "description", "priority", "due", "tags", "completed", "created_at", "updated_at",
        "completed_at");
  }

  private static ObjectNode type(String type) {
    return ToolJson.object().put("type", type);
  }

  private static ObjectNode nullable(String type) {
    ObjectNode schema = ToolJson.object();
    schema.putArray("type").add(type).add("null");
    return schema;
  }
}
