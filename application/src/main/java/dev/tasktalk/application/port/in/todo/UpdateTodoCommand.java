package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** A partial edit of a task: only the fields that are present change. */
public record UpdateTodoCommand(
    UserId owner,
    TodoId id,
    FieldChange<String> title,
    FieldChange<String> description,
    FieldChange<Priority> priority,
    FieldChange<Due> due,
    FieldChange<List<String>> tags,
    FieldChange<Boolean> completed) {

  public UpdateTodoCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    title = orKeep(title);
    description = orKeep(description);
    priority = orKeep(priority);
    due = orKeep(due);
    tags = orKeep(tags);
    completed = orKeep(completed);
  }

  private static <T> FieldChange<T> orKeep(FieldChange<T> change) {
    return change == null ? FieldChange.keep() : change;
  }
}
