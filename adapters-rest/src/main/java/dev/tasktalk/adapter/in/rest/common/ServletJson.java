package dev.tasktalk.adapter.in.rest.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes JSON answers from servlets, errors in the same shape the JAX-RS mappers produce. */
public final class ServletJson {

  private ServletJson() {}

  public static void send(HttpServletResponse response, int status, String json)
      throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  public static void error(HttpServletResponse response, ApiError error) throws IOException {
    error(response, error, null, null);
  }

  /**
   * An OPTIONS answer: no body, just the methods (CORS preflights are answered before servlets).
   */
  public static void options(HttpServletResponse response, String allow) {
    response.setStatus(204);
    response.setHeader("Allow", allow);
  }

  /** A 405 that names the methods the path does answer. */
  public static void methodNotAllowed(HttpServletResponse response, String allow)
      throws IOException {
    error(response, ApiError.methodNotAllowed(), "Allow", allow);
  }

  private static void error(
      HttpServletResponse response, ApiError error, String header, String value)
      throws IOException {
    if (response.isCommitted()) {
      return; // too late for a status line; the client gets whatever was already sent
    }
    response.reset();
    if (error.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    if (header != null) {
      response.setHeader(header, value);
    }
    send(response, error.status(), error.json());
  }
}
