package dev.tasktalk.application.json;

/** JSON text that is not one well-formed value; the message says what is wrong and where. */
public final class MalformedJsonException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MalformedJsonException(String message) {
    super(message);
  }
}
