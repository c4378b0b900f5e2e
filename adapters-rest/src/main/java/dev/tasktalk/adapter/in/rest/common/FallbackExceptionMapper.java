package dev.tasktalk.adapter.in.rest.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything no other mapper took: a body the client cut short is a 400; the rest is unexpected, a
 * 500 with a reference to quote, never a stack trace; the log gets the stack trace under the
 * reference.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable e) {
    return ErrorResponses.of(ApiError.of(e));
  }
}
