package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.Todo;
import java.util.List;
import java.util.Optional;

/** One page of tasks, newest first, and the cursor of the next page when there is one. */
public record TodoPage(List<Todo> items, Optional<String> nextCursor) {

  public TodoPage {
    items = List.copyOf(items);
  }
}
