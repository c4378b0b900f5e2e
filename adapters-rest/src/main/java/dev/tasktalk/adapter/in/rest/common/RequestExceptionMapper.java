package dev.tasktalk.adapter.in.rest.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Requests the adapter could not parse: 400 with the offending field. */
@Provider
public class RequestExceptionMapper implements ExceptionMapper<RequestException> {

  @Override
  public Response toResponse(RequestException e) {
    return ErrorResponses.of(ApiError.of(e));
  }
}
