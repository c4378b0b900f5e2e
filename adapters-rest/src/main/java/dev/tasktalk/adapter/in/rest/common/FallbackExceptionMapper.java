package dev.tasktalk.adapter.in.rest.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: the client gets a 500 with a reference to quote, never a stack trace; the log
 * gets the stack trace under the same reference.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
    return ErrorResponses.of(500, "internal_error",
        "the server failed to handle this request (reference " + reference + ")");
  }
}
