package dev.tasktalk.domain.todo;

import dev.tasktalk.domain.shared.NotFoundException;

/** No task with this id belongs to the caller. */
public class TodoNotFoundException extends NotFoundException {

  public TodoNotFoundException(Object id) {
    super("task " + id + " not found");
  }
}
