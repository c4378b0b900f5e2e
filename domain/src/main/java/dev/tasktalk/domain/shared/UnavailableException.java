package dev.tasktalk.domain.shared;

/**
 * A feature needs a service or setting that is not there; the message names what to configure
 * (503).
 */
public class UnavailableException extends DomainException {

  public UnavailableException(String message) {
    super(message);
  }
}
