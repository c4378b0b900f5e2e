package dev.tasktalk.application.port.out.turn;

import dev.tasktalk.domain.shared.UnavailableException;

/** No speech-to-text service is configured (or it failed); the message says what to set. */
public class TranscriptionUnavailableException extends UnavailableException {

  public TranscriptionUnavailableException(String message) {
    super(message);
  }
}
