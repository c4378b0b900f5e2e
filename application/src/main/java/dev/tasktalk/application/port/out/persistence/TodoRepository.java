package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores todo tasks. Every method is scoped to one owner: another owner's task behaves exactly like
 * one that does not exist. Each call is one atomic change.
 */
public interface TodoRepository {

  void add(Todo todo);

  Optional<Todo> find(UserId owner, TodoId id);

  /**
   * Loads the task, applies {@code change} and stores the result, all or nothing: if {@code change}
   * throws, nothing is written. Empty when the owner has no such task.
   */
  Optional<Todo> update(UserId owner, TodoId id, Consumer<Todo> change);

  /** Deletes the task; false when the owner has no such task. */
  boolean delete(UserId owner, TodoId id);

  /**
   * Up to {@code limit} of the owner's tasks matching {@code filter}, newest first, starting
   * strictly after {@code after} (null: from the newest).
   */
  List<Todo> list(UserId owner, TodoFilter filter, TodoPosition after, int limit);
}
