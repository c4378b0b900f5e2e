package dev.tasktalk.adapter.in.rest.common;

/** A request body over the hard size limit, refused before it is read into memory: HTTP 413. */
public final class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limitBytes) {
    super("the request body is larger than " + limitBytes / (1024 * 1024) + " MB");
  }
}
