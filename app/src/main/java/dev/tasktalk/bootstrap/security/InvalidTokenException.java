package dev.tasktalk.bootstrap.security;

/** A bearer token was refused; {@link #reason()} is short and safe to show to the client. */
public class InvalidTokenException extends RuntimeException {

  public InvalidTokenException(String reason) {
    // No stack trace: refusals are routine and can be provoked by anyone, so they must stay cheap.
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
