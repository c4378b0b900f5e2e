package dev.tasktalk.domain.shared;

import java.util.Objects;

/** A value broke a rule of the domain; {@code field} names the offending input for the caller. */
public class InvalidInputException extends DomainException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field);
  }

  public String field() {
    return field;
  }
}
