package dev.tasktalk.domain.shared;

/**
 * The request clashes with the current state (for example a response already streaming): HTTP 409.
 */
public class ConflictException extends DomainException {

  public ConflictException(String message) {
    super(message);
  }
}
