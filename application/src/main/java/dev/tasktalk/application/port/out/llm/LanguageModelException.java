package dev.tasktalk.application.port.out.llm;

/**
 * A model call failed. {@code kind} says how, {@code retryable} whether trying again may help. The
 * message is written for the person using the chat: it names no host, port or URL, quotes nothing
 * the provider sent and shows no key, exception or stack trace; at most it names a setting for the
 * administrator to check. What an operator needs to find the cause is the {@link #detail()}, which
 * belongs in the server log only.
 */
public class LanguageModelException extends RuntimeException {

  /** The ways a model call fails that a user or operator can tell apart. */
  public enum Kind {
    UNREACHABLE,
    AUTHENTICATION,
    RATE_LIMITED,
    QUOTA,
    CONTEXT_TOO_LONG,
    BAD_REQUEST,
    SERVER,
    TIMEOUT,
    BAD_RESPONSE
  }

  private final Kind kind;
  private final boolean retryable;
  private final String detail;

  public LanguageModelException(Kind kind, boolean retryable, String message) {
    this(kind, retryable, message, null, null);
  }

  public LanguageModelException(Kind kind, boolean retryable, String message, Throwable cause) {
    this(kind, retryable, message, null, cause);
  }

  /**
   * @param detail what went wrong in full (where, what the provider said), for the server log only
   */
  public LanguageModelException(
      Kind kind, boolean retryable, String message, String detail, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryable = retryable;
    this.detail = detail;
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return retryable;
  }

  /**
   * What went wrong in full, for the server log and never for the user; the message when there is
   * no more.
   */
  public String detail() {
    return detail == null ? getMessage() : detail;
  }
}
