package dev.tasktalk.adapter.out.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Just enough of an MCP server over Streamable HTTP (JSON responses, one session) for the client
 * tests: initialize, ping, tools/list and tools/call of a few fixture tools. {@code delayMillis}
 * makes it slow.
 */
final class TinyMcpServer implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer http;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final List<String> methods = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  volatile long delayMillis;
  volatile boolean slowCallsOnly;

  TinyMcpServer() throws IOException {
    this(0);
  }

  TinyMcpServer(int port) throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    http.createContext("/mcp", this::handle);
    http.setExecutor(executor);
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
  }

  int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(auth == null ? "" : auth);
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders("DELETE".equals(exchange.getRequestMethod()) ? 200 : 405, -1);
        return;
      }
      JsonNode request;
      try (InputStream body = exchange.getRequestBody()) {
        request = JSON.readTree(body.readAllBytes());
      }
      String method = request.path("method").asString();
      methods.add(method);
      if (!request.has("id")) {
        exchange.sendResponseHeaders(202, -1);
        return;
      }
      if (delayMillis > 0 && (!slowCallsOnly || "tools/call".equals(method))) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
      response.set("id", request.get("id"));
      switch (method) {
        case "initialize" -> {
          ObjectNode result = response.putObject("result");
          result.put(
              "protocolVersion",
              request.path("params").path("protocolVersion").asString("2025-06-18"));
          result.putObject("capabilities").putObject("tools");
          result.putObject("serverInfo").put("name", "tiny").put("version", "1");
          exchange.getResponseHeaders().add("Mcp-Session-Id", UUID.randomUUID().toString());
        }
        case "ping" -> response.putObject("result");
        case "tools/list" -> response.putObject("result").set("tools", tools());
        case "tools/call" -> call(request.path("params"), response);
        default ->
            response
                .putObject("error")
                .put("code", -32601)
                .put("message", "Method not found: " + method);
      }
      byte[] bytes = JSON.writeValueAsBytes(response);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException | RuntimeException e) {
      // the client went away (timeouts) or the test server is closing
    }
  }

  private static ArrayNode tools() {
    ArrayNode tools = JSON.createArrayNode();
    ObjectNode echo =
        tools.addObject().put("name", "echo").put("description", "Echoes its arguments");
    ObjectNode schema = echo.putObject("inputSchema").put("type", "object");
    schema.putObject("properties").putObject("message").put("type", "string");
    schema.putArray("required").add("message");
    echo.putObject("annotations").put("readOnlyHint", true);
    ObjectNode wipe =
        tools
            .addObject()
            .put("name", "wipe")
            .put("title", "Wipe everything")
            .put("description", "Deletes all the things");
    wipe.putObject("inputSchema").put("type", "object");
    wipe.putObject("annotations").put("readOnlyHint", false).put("destructiveHint", true);
    ObjectNode greet =
        tools.addObject().put("name", "greet.person").put("description", "Says hello");
    greet.putObject("inputSchema").put("type", "object");
    greet.putObject("annotations").put("destructiveHint", false).put("idempotentHint", true);
    ObjectNode fail = tools.addObject().put("name", "fail").put("description", "Always fails");
    fail.putObject("inputSchema").put("type", "object");
    fail.putObject("annotations").put("readOnlyHint", true);
    ObjectNode plain = tools.addObject().put("name", "plain").put("description", "No annotations");
    plain.putObject("inputSchema").put("type", "object");
    return tools;
  }

  private static void call(JsonNode params, ObjectNode response) {
    String name = params.path("name").asString();
    JsonNode arguments = params.path("arguments");
    ObjectNode result = JSON.createObjectNode();
    switch (name) {
      case "echo" -> {
        ObjectNode structured = result.putObject("structuredContent");
        structured.set("echo", arguments);
        result
            .putArray("content")
            .addObject()
            .put("type", "text")
            .put("text", JSON.writeValueAsString(structured));
        result.put("isError", false);
      }
      case "greet.person" ->
          result
              .putArray("content")
              .addObject()
              .put("type", "text")
              .put("text", "Hello, " + arguments.path("name").asString("world") + "!");
      case "fail" -> {
        result
            .putArray("content")
            .addObject()
            .put("type", "text")
            .put("text", "the widget is broken");
        result.put("isError", true);
      }
      case "wipe", "plain" ->
          result.putArray("content").addObject().put("type", "text").put("text", "{\"ok\":true}");
      default -> {
        response.putObject("error").put("code", -32602).put("message", "Unknown tool: " + name);
        return;
      }
    }
    response.set("result", result);
  }
}
