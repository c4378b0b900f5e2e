package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.todo.Priority;
import java.time.Instant;
import java.util.Objects;

/** Which of an owner's tasks a listing returns; null members do not filter. */
public record TodoFilter(
    Status status, String text, Priority priority, Instant dueBefore, Instant dueAfter, String tag) {

  /** Completion state a listing asks for. */
  public enum Status { OPEN, DONE, ALL }

  public TodoFilter {
    Objects.requireNonNull(status, "status");
  }

  public static TodoFilter all() {
    return new TodoFilter(Status.ALL, null, null, null, null, null);
  }
}
