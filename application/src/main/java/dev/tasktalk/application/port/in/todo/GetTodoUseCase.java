package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;

/** Reads one of the owner's tasks; throws {@code TodoNotFoundException} for any other id. */
public interface GetTodoUseCase {

  Todo get(UserId owner, TodoId id);
}
