package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Translates between the {@link Todo} aggregate and its {@link TodoEntity} row. */
final class TodoMapper {

  private TodoMapper() {}

  static TodoEntity toEntity(Todo todo) {
    TodoEntity entity =
        new TodoEntity(todo.id().value(), todo.owner().value(), utc(todo.createdAt()));
    copyState(todo, entity);
    return entity;
  }

  /** Writes everything a change can touch; id, owner and creation time never change. */
  static void copyState(Todo todo, TodoEntity entity) {
    entity.setTitle(todo.title());
    entity.setDescription(todo.description().orElse(null));
    entity.setPriority(todo.priority().wireName());
    entity.setDue(
        todo.due().map(due -> utc(due.at())).orElse(null),
        todo.due().map(Due::allDay).orElse(false));
    entity.setTags(List.copyOf(todo.tags()));
    entity.setCompleted(todo.completed(), todo.completedAt().map(TodoMapper::utc).orElse(null));
    entity.setUpdatedAt(utc(todo.updatedAt()));
  }

  static Todo toDomain(TodoEntity entity) {
    Due due =
        entity.dueAt() == null ? null : new Due(entity.dueAt().toInstant(), entity.dueAllDay());
    return Todo.restore(
        new TodoId(entity.id()),
        new UserId(entity.owner()),
        entity.title(),
        entity.description(),
        priority(entity.priority()),
        due,
        entity.tags(),
        entity.completed(),
        entity.createdAt().toInstant(),
        entity.updatedAt().toInstant(),
        instant(entity.completedAt()));
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static Priority priority(String stored) {
    return Priority.valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
