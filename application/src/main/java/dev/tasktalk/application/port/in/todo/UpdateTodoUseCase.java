package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.Todo;

/** Edits some fields of one of the owner's tasks, all or nothing. */
public interface UpdateTodoUseCase {

  Todo update(UpdateTodoCommand command);
}
