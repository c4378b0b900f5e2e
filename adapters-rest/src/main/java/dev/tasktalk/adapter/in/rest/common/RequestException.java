package dev.tasktalk.adapter.in.rest.common;

/**
 * A request the adapter could not accept (malformed JSON, a wrong type, an unknown field): HTTP
 * 400.
 */
public final class RequestException extends RuntimeException {

  private final String code;
  private final String field;

  public RequestException(String code, String field, String message) {
    super(message);
    this.code = code;
    this.field = field;
  }

  public static RequestException invalid(String field, String message) {
    return new RequestException("invalid_request", field, message);
  }

  public String code() {
    return code;
  }

  /** The offending input's name, or null when the whole body is at fault. */
  public String field() {
    return field;
  }
}
