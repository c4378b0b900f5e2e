package dev.tasktalk.application.tools;

import dev.tasktalk.application.port.out.persistence.TodoFilter;

/** Pieces of the titles people see for tool calls: quoted task titles and counted tasks. */
final class Titles {

  private static final int MAX_QUOTED = 80;

  private Titles() {}

  /** The text in typographic quotes, shortened with an ellipsis when long: ‘Buy milk’. */
  static String quoted(String text) {
    String shown =
        text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED - 1).strip() + "…";
    return "‘" + shown + "’";
  }

  /** "3 open tasks", "1 task", "2 completed tasks". */
  static String tasks(int count, TodoFilter.Status status) {
    return count + " " + adjective(status) + (count == 1 ? "task" : "tasks");
  }

  /** "open ", "completed " or nothing, as a listing filtered by {@code status} is described. */
  static String adjective(TodoFilter.Status status) {
    return switch (status) {
      case OPEN -> "open ";
      case DONE -> "completed ";
      case ALL -> "";
    };
  }
}
