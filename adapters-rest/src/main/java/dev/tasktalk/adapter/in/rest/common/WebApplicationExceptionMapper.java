package dev.tasktalk.adapter.in.rest.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * The JAX-RS runtime's own refusals (unknown path, wrong method, unsupported media type) in our
 * JSON error shape instead of the container's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return new FallbackExceptionMapper().toResponse(e);
    }
    Response.StatusType type = original.getStatusInfo();
    String code =
        type.getReasonPhrase() == null
            ? "http_" + status
            : type.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
    String message =
        switch (status) {
          case 401 -> "a valid bearer token is required";
          case 404 -> "no such resource";
          case 405 -> "method not allowed on this resource";
          case 406 -> "this resource answers application/json";
          case 415 -> "send the body as application/json";
          default -> type.getReasonPhrase() == null ? "request refused" : type.getReasonPhrase();
        };
    Response.ResponseBuilder response =
        Response.fromResponse(ErrorResponses.of(status, code, message));
    Object challenge = original.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
    if (challenge != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    Object allow = original.getHeaders().getFirst(HttpHeaders.ALLOW);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    return response.build();
  }
}
