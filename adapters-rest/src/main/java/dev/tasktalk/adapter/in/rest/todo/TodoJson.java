package dev.tasktalk.adapter.in.rest.todo;

import dev.tasktalk.application.port.in.todo.TodoPage;
import dev.tasktalk.domain.todo.Todo;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;

/**
 * The JSON form of a task: snake_case keys, every key present (null when unset), UTC ISO-8601
 * times.
 */
final class TodoJson {

  private TodoJson() {}

  static JsonObject of(Todo todo) {
    JsonArrayBuilder tags = Json.createArrayBuilder();
    todo.tags().forEach(tags::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("id", todo.id().toString()).add("title", todo.title());
    nullable(json, "description", todo.description());
    json.add("priority", todo.priority().wireName());
    nullable(json, "due", todo.due().map(d -> d.toIsoString()));
    json.add("tags", tags)
        .add("completed", todo.completed())
        .add("created_at", iso(todo.createdAt()))
        .add("updated_at", iso(todo.updatedAt()));
    nullable(json, "completed_at", todo.completedAt().map(TodoJson::iso));
    return json.build();
  }

  static JsonObject of(TodoPage page) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    page.items().forEach(todo -> items.add(of(todo)));
    JsonObjectBuilder json = Json.createObjectBuilder().add("items", items);
    nullable(json, "next_cursor", page.nextCursor());
    return json.add("has_more", page.nextCursor().isPresent()).build();
  }

  private static void nullable(JsonObjectBuilder json, String key, Optional<String> value) {
    value.ifPresentOrElse(v -> json.add(key, v), () -> json.addNull(key));
  }

  private static String iso(Instant instant) {
    return instant.toString();
  }
}
