package dev.tasktalk.adapter.in.rest.common;

import dev.tasktalk.domain.shared.DomainException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.NotFoundException;
import dev.tasktalk.domain.shared.UnavailableException;
import java.io.EOFException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One failure as the client sees it: HTTP status, error code, message and the offending field. The
 * single translation from exceptions to errors, shared by the JAX-RS mappers and the servlets.
 */
public record ApiError(int status, String code, String message, String field) {

  private static final Logger LOG = Logger.getLogger(ApiError.class.getName());

  public ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  /** Any failure: expected ones keep their meaning, everything else is an internal error. */
  public static ApiError of(Throwable e) {
    if (e instanceof DomainException domain) {
      return of(domain);
    }
    if (e instanceof RequestException request) {
      return new ApiError(400, request.code(), request.getMessage(), request.field());
    }
    if (e instanceof PayloadTooLargeException) {
      return new ApiError(413, "payload_too_large", e.getMessage());
    }
    if (e instanceof EOFException || e.getCause() instanceof EOFException) {
      // The client stopped sending before the body it announced was complete: its mistake (or its
      // hang-up), nothing to log as a server failure.
      return new ApiError(400, "invalid_request", "the request body ended before it was complete");
    }
    return unexpected(e);
  }

  public static ApiError of(DomainException e) {
    if (e instanceof NotFoundException) {
      return new ApiError(404, "not_found", e.getMessage());
    }
    if (e instanceof InvalidInputException invalid) {
      return new ApiError(400, "invalid_request", e.getMessage(), invalid.field());
    }
    if (e instanceof UnavailableException) {
      return new ApiError(503, "unavailable", e.getMessage());
    }
    // ConflictException, and any other business refusal: the request clashes with the current
    // state.
    return new ApiError(409, "conflict", e.getMessage());
  }

  /**
   * A failure nobody planned for: the client gets a reference to quote, never a stack trace; the
   * log gets the stack trace under the same reference.
   */
  public static ApiError unexpected(Throwable e) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
    return new ApiError(
        500,
        "internal_error",
        "the server failed to handle this request (reference " + reference + ")");
  }

  public static ApiError unauthorized() {
    return new ApiError(401, "unauthorized", "a valid bearer token is required");
  }

  public static ApiError methodNotAllowed() {
    return new ApiError(405, "method_not_allowed", "method not allowed on this resource");
  }

  public static ApiError noSuchResource() {
    return new ApiError(404, "not_found", "no such resource");
  }

  /** The body: {@code {"error":{"code","message","field"?}}}. */
  public String json() {
    return ErrorResponses.body(code, message, field).toString();
  }
}
