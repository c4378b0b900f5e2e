package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import java.time.Instant;
import java.util.Objects;

/**
 * A place in an owner's newest-first task order: tasks sort by creation time, then id, both
 * descending, so a page that starts after a position never skips or repeats a task when new ones
 * are added.
 */
public record TodoPosition(Instant createdAt, TodoId id) {

  public TodoPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  public static TodoPosition of(Todo todo) {
    return new TodoPosition(todo.createdAt(), todo.id());
  }
}
