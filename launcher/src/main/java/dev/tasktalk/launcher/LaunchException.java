package dev.tasktalk.launcher;

/** A start-up failure whose message is written for the person running the launcher. */
final class LaunchException extends RuntimeException {

  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
