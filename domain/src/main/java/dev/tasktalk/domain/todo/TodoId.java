package dev.tasktalk.domain.todo;

import dev.tasktalk.domain.shared.InvalidInputException;
import java.util.Objects;
import java.util.UUID;

/** Identity of a todo task. */
public record TodoId(UUID value) {

  public TodoId {
    Objects.requireNonNull(value, "value");
  }

  public static TodoId random() {
    return new TodoId(UUID.randomUUID());
  }

  /**
   * Parses client text; anything that is not a UUID cannot name a task, so it is simply not found.
   */
  public static TodoId parse(String text) {
    try {
      return new TodoId(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new TodoNotFoundException(text);
    }
  }

  /**
   * Parses a task id given as a filter or argument, where a malformed value is a client mistake.
   */
  public static TodoId parseArgument(String field, String text) {
    try {
      return new TodoId(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(field, field + " must be a task id (a UUID)");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
