package dev.tasktalk.adapter.in.rest.common;

import dev.tasktalk.domain.shared.DomainException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Business refusals as HTTP: not found (including "not yours") is 404, invalid input 400. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    if (e instanceof NotFoundException) {
      return ErrorResponses.of(404, "not_found", e.getMessage());
    }
    if (e instanceof InvalidInputException invalid) {
      return ErrorResponses.of(400, "invalid_request", e.getMessage(), invalid.field());
    }
    return ErrorResponses.of(409, "conflict", e.getMessage());
  }
}
