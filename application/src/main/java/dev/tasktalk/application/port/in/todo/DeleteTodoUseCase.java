package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;

/** Deletes one of the owner's tasks; throws {@code TodoNotFoundException} when there is none. */
public interface DeleteTodoUseCase {

  void delete(UserId owner, TodoId id);
}
