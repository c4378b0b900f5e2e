package dev.tasktalk.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small JSON-over-HTTP client for the integration tests: real requests to the deployed server.
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final String token;

  public Http(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public Http as(String otherToken) {
    return new Http(base, otherToken);
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json);
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply send(String method, String path, String json) {
    return send(method, path, json, java.util.Map.of());
  }

  /** With extra request headers, e.g. {@code Origin} for a cross-origin call. */
  public Reply send(
      String method, String path, String json, java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    if (token != null) {
      request.header(
          "Authorization",
          token.startsWith("Bearer ") || token.contains(" ") ? token : "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** A response: status, raw body and its parsed JSON. */
  public record Reply(int status, String body, HttpResponse<String> raw) {

    public JsonObject json() {
      try {
        JsonStructure parsed = Json.createReader(new StringReader(body)).read();
        return parsed.asJsonObject();
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON object (status " + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
