package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.todo.Priority;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Which of an owner's tasks a listing returns; null members do not filter. */
public record TodoFilter(
    Status status,
    String text,
    Priority priority,
    Instant dueBefore,
    Instant dueAfter,
    String tag) {

  /** Completion state a listing asks for. */
  public enum Status {
    OPEN,
    DONE,
    ALL;

    /**
     * {@code open}, {@code done} or {@code all}, any case; {@code otherwise} when blank or absent.
     */
    public static Status parse(String field, String value, Status otherwise) {
      if (value == null || value.isBlank()) {
        return otherwise;
      }
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "open" -> OPEN;
        case "done" -> DONE;
        case "all" -> ALL;
        default ->
            throw new InvalidInputException(field, field + " must be one of open, done, all");
      };
    }
  }

  public TodoFilter {
    Objects.requireNonNull(status, "status");
  }

  public static TodoFilter all() {
    return new TodoFilter(Status.ALL, null, null, null, null, null);
  }
}
