package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;

/**
 * A page of the owner's tasks: {@code cursor} is the opaque text of a previous page's next cursor
 * (null for the first page) and {@code limit} the page size (null for the default).
 */
public record ListTodosQuery(UserId owner, TodoFilter filter, String cursor, Integer limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public ListTodosQuery {
    Objects.requireNonNull(owner, "owner");
    filter = filter == null ? TodoFilter.all() : filter;
  }
}
