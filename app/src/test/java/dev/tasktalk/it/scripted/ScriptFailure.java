package dev.tasktalk.it.scripted;

import dev.tasktalk.domain.shared.DomainException;

/** A failure a script asks for, shown to the user as a custom error with its message. */
final class ScriptFailure extends DomainException {

  ScriptFailure(String message) {
    super(message);
  }
}
