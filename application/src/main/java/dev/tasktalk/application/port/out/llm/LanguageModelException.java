package dev.tasktalk.application.port.out.llm;

/**
 * A model call failed. {@code kind} says how, {@code retryable} whether trying again may help, and the
 * message is written for the person using the chat (never a key, never a stack trace).
 */
public class LanguageModelException extends RuntimeException {

  /** The ways a model call fails that a user or operator can tell apart. */
  public enum Kind { UNREACHABLE, AUTHENTICATION, RATE_LIMITED, QUOTA, CONTEXT_TOO_LONG, BAD_REQUEST, SERVER, TIMEOUT, BAD_RESPONSE }

  private final Kind kind;
  private final boolean retryable;

  public LanguageModelException(Kind kind, boolean retryable, String message) {
    super(message);
    this.kind = kind;
    this.retryable = retryable;
  }

  public LanguageModelException(Kind kind, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryable = retryable;
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return retryable;
  }
}
