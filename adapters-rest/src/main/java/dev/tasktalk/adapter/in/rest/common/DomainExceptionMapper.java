package dev.tasktalk.adapter.in.rest.common;

import dev.tasktalk.domain.shared.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Business refusals as HTTP: not found (including "not yours") 404, invalid input 400, conflict
 * 409, a missing service or setting 503 (see {@link ApiError#of(DomainException)}).
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    return ErrorResponses.of(ApiError.of(e));
  }
}
