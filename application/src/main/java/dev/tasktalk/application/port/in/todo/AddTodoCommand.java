package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** What a new task is made of; null priority means medium, null due means none. */
public record AddTodoCommand(
    UserId owner, String title, String description, Priority priority, Due due, List<String> tags) {

  public AddTodoCommand {
    Objects.requireNonNull(owner, "owner");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
