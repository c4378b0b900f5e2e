package dev.tasktalk.application.tools;

import dev.tasktalk.application.json.JsonArray;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.port.in.todo.TodoPage;
import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Todo;
import java.time.Instant;

/**
 * The task tools' results as JSON text, with tasks in the shape of the tasks REST API: snake_case
 * keys, every key present (null when unset), UTC ISO-8601 times.
 */
final class TaskJson {

  private TaskJson() {}

  static String one(Todo todo) {
    JsonObject result = ToolJson.object();
    result.set("task", task(todo));
    return ToolJson.write(result);
  }

  static String deleted(Todo todo) {
    JsonObject result = ToolJson.object().put("deleted", true);
    result.set("task", task(todo));
    return ToolJson.write(result);
  }

  static String page(TodoPage page) {
    JsonArray tasks = ToolJson.array();
    page.items().forEach(todo -> tasks.add(task(todo)));
    JsonObject result = ToolJson.object();
    result.set("tasks", tasks);
    result.put("count", page.items().size()).put("has_more", page.nextCursor().isPresent());
    return ToolJson.write(result);
  }

  static JsonObject task(Todo todo) {
    JsonObject json =
        ToolJson.object()
            .put("id", todo.id().toString())
            .put("title", todo.title())
            .put("description", todo.description().orElse(null))
            .put("priority", todo.priority().wireName())
            .put("due", todo.due().map(Due::toIsoString).orElse(null));
    JsonArray tags = json.putArray("tags");
    todo.tags().forEach(tags::add);
    return json.put("completed", todo.completed())
        .put("created_at", todo.createdAt().toString())
        .put("updated_at", todo.updatedAt().toString())
        .put("completed_at", todo.completedAt().map(Instant::toString).orElse(null));
  }
}
