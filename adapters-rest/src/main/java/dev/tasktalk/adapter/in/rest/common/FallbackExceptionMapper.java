package dev.tasktalk.adapter.in.rest.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything unexpected: the client gets a 500 with a reference to quote, never a stack trace; the log
 * gets the stack trace under the same reference.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable e) {
    return ErrorResponses.of(ApiError.unexpected(e));
  }
}
