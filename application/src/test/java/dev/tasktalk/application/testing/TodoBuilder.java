package dev.tasktalk.application.testing;

import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds a task as a repository would hold it, through {@link Todo#restore}, so tests can choose
 * the ids and timestamps that {@link Todo#create} picks itself. Unset values are those of a fresh
 * open task.
 */
public final class TodoBuilder {

  /** A fixed creation time with all six microsecond digits, the precision the database stores. */
  public static final Instant T0 = Instant.parse("2026-03-01T09:15:30.123456Z");

  private final UserId owner;
  private TodoId id = TodoId.random();
  private String title = "Water the plants";
  private String description;
  private Priority priority = Priority.MEDIUM;
  private Due due;
  private List<String> tags = List.of();
  private Instant createdAt = T0;
  private Instant updatedAt;
  private Instant completedAt;

  private TodoBuilder(UserId owner) {
    this.owner = owner;
  }

  public static TodoBuilder aTodo(UserId owner) {
    return new TodoBuilder(owner);
  }

  public TodoBuilder id(String uuid) {
    this.id = new TodoId(UUID.fromString(uuid));
    return this;
  }

  public TodoBuilder title(String title) {
    this.title = title;
    return this;
  }

  public TodoBuilder description(String description) {
    this.description = description;
    return this;
  }

  public TodoBuilder priority(Priority priority) {
    this.priority = priority;
    return this;
  }

  public TodoBuilder due(Due due) {
    this.due = due;
    return this;
  }

  public TodoBuilder tags(String... tags) {
    this.tags = List.of(tags);
    return this;
  }

  public TodoBuilder createdAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  /** Defaults to the creation time. */
  public TodoBuilder updatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
    return this;
  }

  /** Setting a completion time makes the task completed. */
  public TodoBuilder completedAt(Instant completedAt) {
    this.completedAt = completedAt;
    return this;
  }

  public Todo build() {
    return Todo.restore(
        id,
        owner,
        title,
        description,
        priority,
        due,
        tags,
        completedAt != null,
        createdAt,
        updatedAt == null ? createdAt : updatedAt,
        completedAt);
  }
}
