package dev.tasktalk.application.tools;

import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.TodoId;
import java.util.Optional;

/**
 * Reads the task tools' shared arguments as domain values, naming the argument in every refusal.
 */
final class TaskArguments {

  static final String TASK_ID = "task_id";
  static final int MAX_LIMIT = 100;

  private TaskArguments() {}

  static TodoId taskId(ToolArguments arguments) {
    String text = arguments.requiredString(TASK_ID).strip();
    try {
      return TodoId.parseArgument(TASK_ID, text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          TASK_ID,
          "task_id must be a task id (a UUID) taken from list_tasks or search_tasks results");
    }
  }

  static Optional<Priority> priority(ToolArguments arguments) {
    return arguments.string("priority").map(p -> Priority.parse("priority", p));
  }

  /** A due date; the empty string means none. */
  static Optional<Due> due(ToolArguments arguments, String name) {
    return arguments.string(name).filter(d -> !d.isBlank()).map(d -> Due.parse(name, d));
  }

  static TodoFilter.Status status(ToolArguments arguments, TodoFilter.Status otherwise) {
    return TodoFilter.Status.parse("status", arguments.string("status").orElse(null), otherwise);
  }

  static int limit(ToolArguments arguments, int otherwise) {
    return arguments.integer("limit", 1, MAX_LIMIT).orElse(otherwise);
  }
}
