package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;

/** Marks one of the owner's tasks done, or open again. Both are idempotent. */
public interface CompleteTodoUseCase {

  Todo complete(UserId owner, TodoId id);

  Todo reopen(UserId owner, TodoId id);
}
