package dev.tasktalk.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Speaks the ChatKit protocol to the deployed server: JSON requests and SSE streams, byte-exact.
 */
final class ChatKitClient {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final String token;

  ChatKitClient(URI base, String token) {
    this.endpoint = base.resolve("chatkit");
    this.token = token;
  }

  HttpRequest request(String body) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** A request answered with one JSON body. */
  Http.Reply json(String body) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request(body), HttpResponse.BodyHandlers.ofString());
      return new Http.Reply(response.statusCode(), response.body(), response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A streaming request read to its end; fails unless it is a well-formed SSE stream. */
  Stream stream(String body) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request(body), HttpResponse.BodyHandlers.ofString());
      return new Stream(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens a stream over a plain socket and hands back the live connection, for reading part of it
   * and hanging up the way a browser's Stop does (closing the socket; the JDK client would drain
   * it).
   */
  Socket open(String body) throws Exception {
    Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + endpoint.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + endpoint.getHost()
            + ":"
            + endpoint.getPort()
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return socket;
  }

  /** Reads SSE events from a live body until {@code count} events have arrived. */
  static List<JsonObject> read(InputStream body, int count) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    List<JsonObject> events = new ArrayList<>();
    String line;
    while (events.size() < count && (line = reader.readLine()) != null) {
      if (line.startsWith("data: ")) {
        events.add(Json.createReader(new StringReader(line.substring(6))).readObject());
      }
    }
    return events;
  }

  /** A finished stream: status, content type and the raw body, parsed into events. */
  record Stream(int status, String contentType, String body) {

    List<JsonObject> events() {
      if (!body.endsWith("\n\n")) {
        throw new AssertionError("stream does not end with a complete event: " + body);
      }
      List<JsonObject> events = new ArrayList<>();
      for (String chunk : body.split("\n\n")) {
        if (!chunk.startsWith("data: ") || chunk.substring(6).contains("\n")) {
          throw new AssertionError("not a single-line data event: [" + chunk + "]");
        }
        events.add(Json.createReader(new StringReader(chunk.substring(6))).readObject());
      }
      return events;
    }

    List<String> types() {
      return events().stream().map(e -> e.getString("type")).toList();
    }
  }
}
