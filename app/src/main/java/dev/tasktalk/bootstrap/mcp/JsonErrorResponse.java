package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code /mcp} response that lets successful answers (JSON or event streams) through untouched
 * but holds back the body of an error status, so {@link #finish()} can pass a proper JSON-RPC error
 * on and replace anything else (the SDK's serialised exceptions with stack traces, a container's
 * HTML error page) by a JSON-RPC error carrying only a code and a message.
 */
final class JsonErrorResponse extends HttpServletResponseWrapper {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_HELD = 64 * 1024;

  private final HttpServletResponse response;
  private int status = SC_OK;
  private ByteArrayOutputStream held;
  private PrintWriter heldWriter;
  private String errorMessage;
  private boolean errorSent;

  JsonErrorResponse(HttpServletResponse response) {
    super(response);
    this.response = response;
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    if (sc < 400) {
      super.setStatus(sc);
    }
  }

  @Override
  public void sendError(int sc) {
    sendError(sc, null);
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
    errorSent = true;
    errorMessage = msg;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (status < 400) {
      return super.getOutputStream();
    }
    return new ServletOutputStream() {
      @Override
      public void write(int b) {
        hold().write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        ByteArrayOutputStream out = hold();
        if (out.size() + len <= MAX_HELD) {
          out.write(b, off, len);
        }
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        throw new IllegalStateException("error bodies are buffered");
      }
    };
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (status < 400) {
      return super.getWriter();
    }
    if (heldWriter == null) {
      heldWriter =
          new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
    }
    return heldWriter;
  }

  @Override
  public void setContentLength(int len) {
    if (status < 400) {
      super.setContentLength(len);
    }
  }

  @Override
  public void setContentLengthLong(long len) {
    if (status < 400) {
      super.setContentLengthLong(len);
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    if (status < 400) {
      super.flushBuffer();
    }
  }

  private ByteArrayOutputStream hold() {
    if (held == null) {
      held = new ByteArrayOutputStream();
    }
    return held;
  }

  /** Writes the held error, as it was when it is a JSON-RPC error, else as a clean one. */
  void finish() throws IOException {
    if (status < 400 || response.isCommitted()) {
      return;
    }
    if (heldWriter != null) {
      heldWriter.flush();
    }
    JsonNode body = parse(held == null ? new byte[0] : held.toByteArray());
    JsonNode id = body == null ? null : body.get("id");
    JsonNode error = body == null ? null : body.get("error");
    if (!errorSent
        && body != null
        && body.has("jsonrpc")
        && error != null
        && error.path("code").isInt()
        && error.path("message").isString()) {
      JsonRpcErrors.send(
          response,
          status,
          error.path("code").asInt(),
          error.path("message").asString(),
          error.get("data"),
          id);
      return;
    }
    // The SDK serialises its McpError:
    // {"jsonRpcError":{"code":..,"message":..},"stackTrace":[..],..}
    JsonNode sdkError = body == null ? null : body.get("jsonRpcError");
    if (sdkError != null && sdkError.path("code").isInt() && sdkError.path("message").isString()) {
      JsonRpcErrors.send(
          response,
          status,
          sdkError.path("code").asInt(),
          sdkError.path("message").asString(),
          null,
          null);
      return;
    }
    JsonRpcErrors.send(
        response,
        status,
        status >= 500 ? JsonRpcErrors.INTERNAL_ERROR : JsonRpcErrors.INVALID_REQUEST,
        message(),
        null,
        null);
  }

  /**
   * After a transport threw: a 500 JSON-RPC internal error, unless an answer has already started.
   */
  void failed() throws IOException {
    if (!response.isCommitted()) {
      response.resetBuffer();
      JsonRpcErrors.send(
          response, SC_INTERNAL_SERVER_ERROR, JsonRpcErrors.INTERNAL_ERROR, "Internal error");
    }
  }

  private String message() {
    if (errorMessage != null
        && !errorMessage.isBlank()
        && errorMessage.length() < 200
        && !errorMessage.contains("Exception")) {
      return errorMessage;
    }
    return switch (status) {
      case SC_BAD_REQUEST -> "Bad Request";
      case SC_NOT_FOUND -> "Not Found: unknown or expired MCP session";
      case SC_METHOD_NOT_ALLOWED -> "Method Not Allowed";
      case SC_NOT_ACCEPTABLE -> "Not Acceptable";
      case SC_REQUEST_ENTITY_TOO_LARGE -> "Request body too large";
      case SC_SERVICE_UNAVAILABLE -> "Service Unavailable";
      default -> status >= 500 ? "Internal error" : "Request refused (HTTP " + status + ")";
    };
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
