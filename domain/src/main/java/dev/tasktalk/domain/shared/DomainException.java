package dev.tasktalk.domain.shared;

/**
 * Base of the expected business failures; inbound adapters translate each kind to their protocol.
 */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }
}
