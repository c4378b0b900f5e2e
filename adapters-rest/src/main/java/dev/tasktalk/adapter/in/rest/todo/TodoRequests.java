package dev.tasktalk.adapter.in.rest.todo;

import dev.tasktalk.adapter.in.rest.common.JsonRequest;
import dev.tasktalk.adapter.in.rest.common.PageSizes;
import dev.tasktalk.adapter.in.rest.common.RequestException;
import dev.tasktalk.application.port.in.todo.AddTodoCommand;
import dev.tasktalk.application.port.in.todo.FieldChange;
import dev.tasktalk.application.port.in.todo.ListTodosQuery;
import dev.tasktalk.application.port.in.todo.UpdateTodoCommand;
import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Turns task request bodies and query parameters into use-case commands, naming any bad field. */
final class TodoRequests {

  private static final Set<String> CREATE_FIELDS =
      Set.of("title", "description", "priority", "due", "tags");
  private static final Set<String> UPDATE_FIELDS =
      Set.of("title", "description", "priority", "due", "tags", "completed");

  private TodoRequests() {}

  static AddTodoCommand add(UserId owner, String body) {
    JsonRequest json = JsonRequest.parse(body, CREATE_FIELDS);
    return new AddTodoCommand(
        owner,
        json.requiredString("title"),
        json.string("description").orElse(null),
        json.string("priority").map(p -> Priority.parse("priority", p)).orElse(null),
        json.string("due").map(d -> Due.parse("due", d)).orElse(null),
        json.strings("tags").orElse(List.of()));
  }

  static UpdateTodoCommand update(UserId owner, TodoId id, String body) {
    JsonRequest json = JsonRequest.parse(body, UPDATE_FIELDS);
    if (json.json().isEmpty()) {
      throw RequestException.invalid(
          null,
          "send at least one of: " + String.join(", ", UPDATE_FIELDS.stream().sorted().toList()));
    }
    if (json.isNull("title")) {
      throw RequestException.invalid("title", "title must not be null");
    }
    return new UpdateTodoCommand(
        owner,
        id,
        change(json, "title", json::string, t -> t),
        change(json, "description", json::string, d -> d),
        change(json, "priority", json::string, p -> Priority.parse("priority", p)),
        change(json, "due", json::string, d -> Due.parse("due", d)),
        change(json, "tags", json::strings, t -> t),
        change(json, "completed", json::bool, c -> c));
  }

  private static <R, T> FieldChange<T> change(
      JsonRequest json,
      String field,
      Function<String, java.util.Optional<R>> read,
      Function<R, T> convert) {
    if (!json.has(field)) {
      return FieldChange.keep();
    }
    return FieldChange.to(read.apply(field).map(convert).orElse(null));
  }

  static ListTodosQuery list(
      UserId owner,
      String status,
      String q,
      String priority,
      String dueBefore,
      String dueAfter,
      String tag,
      String limit,
      String cursor) {
    TodoFilter filter =
        new TodoFilter(
            status(status),
            blankToNull(q),
            blankToNull(priority) == null ? null : Priority.parse("priority", priority),
            blankToNull(dueBefore) == null ? null : Due.parse("due_before", dueBefore).at(),
            blankToNull(dueAfter) == null ? null : Due.parse("due_after", dueAfter).at(),
            blankToNull(tag) == null ? null : tag.strip().toLowerCase(Locale.ROOT));
    return new ListTodosQuery(
        owner, filter, blankToNull(cursor), PageSizes.limit(limit, ListTodosQuery.MAX_LIMIT));
  }

  private static TodoFilter.Status status(String status) {
    return TodoFilter.Status.parse("status", status, TodoFilter.Status.ALL);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
