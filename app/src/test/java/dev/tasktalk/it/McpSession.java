package dev.tasktalk.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal MCP Streamable HTTP client for the integration tests: initialize, then JSON-RPC
 * requests whose replies may come as JSON or as an SSE stream; raw posts let tests send broken
 * requests.
 */
final class McpSession {

  static final String ACCEPT = "application/json, text/event-stream";
  static final String VERSION = "2025-11-25";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final String token;
  private String sessionId;
  private int nextId = 1;
  private JsonObject initializeResult;

  private McpSession(URI endpoint, String token) {
    this.endpoint = endpoint;
    this.token = token;
  }

  /** A session that has completed the initialize handshake. */
  static McpSession open(URI endpoint, String token) {
    McpSession session = new McpSession(endpoint, token);
    HttpResponse<String> init =
        session.post(
            message(
                session.nextId++,
                "initialize",
                Json.createObjectBuilder()
                    .add("protocolVersion", VERSION)
                    .add("capabilities", JsonValue.EMPTY_JSON_OBJECT)
                    .add(
                        "clientInfo",
                        Json.createObjectBuilder().add("name", "McpIT").add("version", "1"))
                    .build()),
            Map.of());
    if (init.statusCode() != 200) {
      throw new AssertionError("initialize: " + init.statusCode() + " " + init.body());
    }
    session.sessionId = init.headers().firstValue("Mcp-Session-Id").orElse(null);
    session.initializeResult = reply(init).getJsonObject("result");
    HttpResponse<String> initialized =
        session.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
    if (initialized.statusCode() != 202) {
      throw new AssertionError(
          "notifications/initialized: " + initialized.statusCode() + " " + initialized.body());
    }
    return session;
  }

  /** An initialize POST without any token, to see the 401. */
  static HttpResponse<String> open401(URI endpoint) {
    return new McpSession(endpoint, null)
        .post(message(1, "initialize", JsonValue.EMPTY_JSON_OBJECT), Map.of());
  }

  JsonObject initializeResult() {
    return initializeResult;
  }

  String sessionId() {
    return sessionId;
  }

  /** The JSON-RPC reply to a request; fails on a non-200 status. */
  JsonObject request(String method, JsonObject params) {
    HttpResponse<String> response = send(method, params);
    if (response.statusCode() != 200) {
      throw new AssertionError(method + ": " + response.statusCode() + " " + response.body());
    }
    return reply(response);
  }

  /** The raw HTTP response to a request, for tests that expect a refusal. */
  HttpResponse<String> send(String method, JsonObject params) {
    return post(message(nextId++, method, params), Map.of());
  }

  /** The result of a tools/call. */
  JsonObject call(String tool, String argumentsJson) {
    JsonObject reply =
        request(
            "tools/call",
            Json.createObjectBuilder()
                .add("name", tool)
                .add("arguments", Json.createReader(new StringReader(argumentsJson)).readObject())
                .build());
    if (!reply.containsKey("result")) {
      throw new AssertionError("tools/call " + tool + ": " + reply);
    }
    return reply.getJsonObject("result");
  }

  /**
   * POSTs a body with the usual MCP headers, overridden (or removed, with a null value) by {@code
   * headers}.
   */
  HttpResponse<String> post(String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", "application/json");
    all.put("Accept", ACCEPT);
    if (token != null) {
      all.put("Authorization", "Bearer " + token);
    }
    if (sessionId != null) {
      all.put("Mcp-Session-Id", sessionId);
      all.put("MCP-Protocol-Version", VERSION);
    }
    all.putAll(headers);
    return post(endpoint, body, all);
  }

  /** POSTs {@code body} with {@code headers}, leaving out those whose value is null. */
  static HttpResponse<String> post(URI endpoint, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(
        (name, value) -> {
          if (value != null) {
            request.header(name, value);
          }
        });
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("POST " + endpoint + " failed", e);
    }
  }

  static String message(int id, String method, JsonObject params) {
    return Json.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", id)
        .add("method", method)
        .add("params", params)
        .build()
        .toString();
  }

  /** The JSON-RPC response in a JSON body or in the SSE events of a stream. */
  static JsonObject reply(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("text/event-stream")) {
      return json(response.body());
    }
    StringBuilder data = new StringBuilder();
    for (String line : (response.body() + "\n\n").split("\r?\n", -1)) {
      if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      } else if (line.isEmpty() && data.length() > 0) {
        JsonObject event = json(data.toString());
        data.setLength(0);
        if (event.containsKey("result") || event.containsKey("error")) {
          return event;
        }
      }
    }
    throw new AssertionError("no JSON-RPC response in the stream: " + response.body());
  }

  static JsonObject json(String text) {
    try {
      return Json.createReader(new StringReader(text)).readObject();
    } catch (RuntimeException e) {
      throw new AssertionError("not a JSON object: " + text, e);
    }
  }
}
