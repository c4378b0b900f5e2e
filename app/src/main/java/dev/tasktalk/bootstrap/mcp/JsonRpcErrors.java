package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the plain JSON-RPC error bodies the MCP guards answer with; never exception text. */
final class JsonRpcErrors {

  static final int INVALID_REQUEST = -32600;
  static final int INTERNAL_ERROR = -32603;
  static final int SERVER_ERROR = -32000;

  /**
   * Revision 2026-07-28: the requested protocol version is not supported ({@code data.supported}).
   */
  static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonRpcErrors() {}

  static void send(
      HttpServletResponse response,
      int status,
      int code,
      String message,
      JsonNode data,
      JsonNode id)
      throws IOException {
    ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0");
    body.set("id", id == null || !(id.isString() || id.isNumber()) ? JSON.nullNode() : id);
    ObjectNode error = body.putObject("error").put("code", code).put("message", message);
    if (data != null && !data.isNull()) {
      error.set("data", data);
    }
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static void send(HttpServletResponse response, int status, int code, String message, JsonNode id)
      throws IOException {
    send(response, status, code, message, null, id);
  }

  static void send(HttpServletResponse response, int status, int code, String message)
      throws IOException {
    send(response, status, code, message, null, null);
  }

  /** 400 with the supported versions, as revision 2026-07-28 answers an unsupported one. */
  static void unsupportedVersion(
      HttpServletResponse response, String requested, Iterable<String> supported, JsonNode id)
      throws IOException {
    ObjectNode data = JSON.createObjectNode();
    supported.forEach(data.putArray("supported")::add);
    data.put("requested", requested);
    send(
        response,
        HttpServletResponse.SC_BAD_REQUEST,
        UNSUPPORTED_PROTOCOL_VERSION,
        "Unsupported protocol version: " + requested,
        data,
        id);
  }
}
