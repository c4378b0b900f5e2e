package dev.tasktalk.domain.run;

import dev.tasktalk.domain.shared.ConflictException;

/** A thread already has a response streaming; it takes one run at a time. */
public class RunInProgressException extends ConflictException {

  public RunInProgressException() {
    super("a response is already in progress in this thread");
  }
}
