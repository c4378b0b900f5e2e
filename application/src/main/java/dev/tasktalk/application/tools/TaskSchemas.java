package dev.tasktalk.application.tools;

import dev.tasktalk.application.json.JsonArray;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.domain.todo.Todo;

/**
 * The JSON Schemas (draft 2020-12 keywords only) of the task tools: the argument properties they
 * share, and the shapes of their results.
 */
final class TaskSchemas {

  static final String DATE_FORMAT = "ISO date 2026-11-23 or date-time 2026-11-23T09:00:00Z";

  private TaskSchemas() {}

  /** An object schema with these properties (name, schema pairs), refusing any other property. */
  static JsonObject object(Object... namesAndSchemas) {
    JsonObject properties = ToolJson.object();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.set((String) namesAndSchemas[i], (JsonValue) namesAndSchemas[i + 1]);
    }
    JsonObject schema = ToolJson.object().put("type", "object");
    schema.set("properties", properties);
    return schema.put("additionalProperties", false);
  }

  static JsonObject required(JsonObject schema, String... names) {
    JsonArray required = schema.putArray("required");
    for (String name : names) {
      required.add(name);
    }
    return schema;
  }

  static JsonObject string(String description) {
    return ToolJson.object().put("type", "string").put("description", description);
  }

  static JsonObject choice(String description, String... values) {
    JsonObject schema = string(description);
    JsonArray allowed = schema.putArray("enum");
    for (String value : values) {
      allowed.add(value);
    }
    return schema;
  }

  // No "format": "uuid" here, though it is one: some providers (Gemini) refuse string formats other
  // than date-time and enum in tool parameters.
  static JsonObject taskId() {
    return string(
        "The task's id, exactly as returned by list_tasks, search_tasks or add_task; never guess"
            + " one.");
  }

  static JsonObject title(String description) {
    return string(description).put("minLength", 1).put("maxLength", Todo.MAX_TITLE);
  }

  static JsonObject description(String description) {
    return string(description).put("maxLength", Todo.MAX_DESCRIPTION);
  }

  static JsonObject priority(String description) {
    return choice(description, "low", "medium", "high");
  }

  static JsonObject status(String description) {
    return choice(description, "open", "done", "all");
  }

  static JsonObject due(String description) {
    return string(description + " (" + DATE_FORMAT + "; UTC unless the date-time has an offset).");
  }

  static JsonObject tags(String description) {
    JsonObject schema =
        ToolJson.object()
            .put("type", "array")
            .put("description", description)
            .put("maxItems", Todo.MAX_TAGS);
    schema.set(
        "items",
        ToolJson.object().put("type", "string").put("minLength", 1).put("maxLength", Todo.MAX_TAG));
    return schema;
  }

  static JsonObject limit(int otherwise) {
    return ToolJson.object()
        .put("type", "integer")
        .put("description", "How many tasks to return at most (default " + otherwise + ").")
        .put("minimum", 1)
        .put("maximum", TaskArguments.MAX_LIMIT);
  }

  /** {@code {"task": {...}}}: one task. */
  static JsonObject oneTask() {
    return required(object("task", task()), "task");
  }

  /** {@code {"deleted": true, "task": {...}}}: the task as it was before it was deleted. */
  static JsonObject deletedTask() {
    return required(
        object("deleted", ToolJson.object().put("const", true), "task", task()), "deleted", "task");
  }

  /** {@code {"tasks": [...], "count": n, "has_more": b}}: a page of tasks. */
  static JsonObject taskList() {
    JsonObject tasks = ToolJson.object().put("type", "array");
    tasks.set("items", task());
    return required(
        object("tasks", tasks, "count", type("integer"), "has_more", type("boolean")),
        "tasks",
        "count",
        "has_more");
  }

  private static JsonObject task() {
    JsonObject tags = type("array");
    tags.set("items", type("string"));
    return required(
        object(
            "id",
            type("string"),
            "title",
            type("string"),
            "description",
            nullable("string"),
            "priority",
            priority("How urgent the task is."),
            "due",
            nullable("string"),
            "tags",
            tags,
            "completed",
            type("boolean"),
            "created_at",
            type("string"),
            "updated_at",
            type("string"),
            "completed_at",
            nullable("string")),
        "id",
        "title",
        "description",
        "priority",
        "due",
        "tags",
        "completed",
        "created_at",
        "updated_at",
        "completed_at");
  }

  private static JsonObject type(String type) {
    return ToolJson.object().put("type", type);
  }

  private static JsonObject nullable(String type) {
    JsonObject schema = ToolJson.object();
    schema.putArray("type").add(type).add("null");
    return schema;
  }
}
