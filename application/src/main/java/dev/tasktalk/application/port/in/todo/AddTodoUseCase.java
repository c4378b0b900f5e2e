package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.Todo;

/** Adds a task for its owner. */
public interface AddTodoUseCase {

  Todo add(AddTodoCommand command);
}
