package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.shared.UnavailableException;

/**
 * The store cannot be reached right now (down, restarting, out of connections); nothing was
 * changed.
 */
public class DatabaseUnavailableException extends UnavailableException {

  public DatabaseUnavailableException() {
    super("the database is unavailable right now; please try again in a moment");
  }
}
