package dev.tasktalk.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal client for MCP revision 2026-07-28 in the integration tests: no handshake and no
 * session, every POST carries the protocol version, the client's capabilities and info in {@code
 * _meta} and the {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers.
 */
final class McpModernClient {

  static final String VERSION = "2026-07-28";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final String token;
  private final JsonObject capabilities;
  private int nextId = 1;

  McpModernClient(URI endpoint, String token, JsonObject capabilities) {
    this.endpoint = endpoint;
    this.token = token;
    this.capabilities = capabilities;
  }

  /** The request body: {@code params} plus the {@code _meta} every modern request carries. */
  String body(String method, JsonObject params) {
    JsonObjectBuilder withMeta =
        Json.createObjectBuilder(params)
            .add(
                "_meta",
                Json.createObjectBuilder()
                    .add("io.modelcontextprotocol/protocolVersion", VERSION)
                    .add("io.modelcontextprotocol/clientCapabilities", capabilities)
                    .add(
                        "io.modelcontextprotocol/clientInfo",
                        Json.createObjectBuilder().add("name", "McpIT").add("version", "1")));
    return Json.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", nextId++)
        .add("method", method)
        .add("params", withMeta)
        .build()
        .toString();
  }

  /**
   * Sends {@code method} with the matching headers; {@code headers} override them (null removes
   * one).
   */
  HttpResponse<String> send(String method, JsonObject params, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("MCP-Protocol-Version", VERSION);
    all.put("Mcp-Method", method);
    if (params.containsKey("name")) {
      all.put("Mcp-Name", params.getString("name"));
    }
    all.putAll(headers);
    return post(body(method, params), all);
  }

  HttpResponse<String> send(String method, JsonObject params) {
    return send(method, params, Map.of());
  }

  /** The {@code result} of a request that must succeed with HTTP 200. */
  JsonObject result(String method, JsonObject params) {
    HttpResponse<String> response = send(method, params);
    JsonObject reply = McpSession.reply(response);
    if (response.statusCode() != 200 || !reply.containsKey("result")) {
      throw new AssertionError(method + ": " + response.statusCode() + " " + response.body());
    }
    return reply.getJsonObject("result");
  }

  HttpResponse<String> post(String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", "application/json");
    all.put("Accept", McpSession.ACCEPT);
    if (token != null) {
      all.put("Authorization", "Bearer " + token);
    }
    all.putAll(headers);
    return McpSession.post(endpoint, body, all);
  }

  static HttpResponse<String> get(URI endpoint, String token, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token);
    headers.forEach(request::header);
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + endpoint + " failed", e);
    }
  }
}
