package dev.tasktalk.domain.shared;

/**
 * Something does not exist for this owner; "not yours" and "does not exist" are the same answer.
 */
public class NotFoundException extends DomainException {

  public NotFoundException(String message) {
    super(message);
  }
}
