package dev.tasktalk.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for OpenAI's ChatKit sessions, audio transcription and streaming chat
 * completions APIs, speaking their wire format and remembering the last request so tests can check
 * what the server sent.
 */
final class FakeOpenAi {

  private final HttpServer server;
  private final AtomicReference<Recorded> last = new AtomicReference<>();
  private final AtomicReference<String> transcriptionRequest = new AtomicReference<>();
  private final java.util.concurrent.ConcurrentLinkedQueue<ModelReply> replies =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.List<String> completions =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** What the server under test sent. */
  record Recorded(String authorization, String beta, String body) {}

  private FakeOpenAi(HttpServer server) {
    this.server = server;
  }

  static FakeOpenAi start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeOpenAi fake = new FakeOpenAi(server);
    server.createContext(
        "/v1/chatkit/sessions",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          fake.last.set(
              new Recorded(
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("OpenAI-Beta"),
                  body));
          byte[] reply =
              ("{\"id\":\"cksess_123\",\"object\":\"chatkit.session\",\"client_secret\":\"ek_test_secret\","
                   + "\"expires_at\":1900000000,\"status\":\"active\",\"user\":\"x\",\"workflow\":{\"id\":\"wf_test\"}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          fake.completions.add(body);
          ModelReply reply = fake.replies.poll();
          if (reply == null) {
            reply = ModelReply.defaultFor(body);
          }
          reply.send(exchange);
        });
    server.createContext(
        "/v1/audio/transcriptions",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
          fake.transcriptionRequest.set(body);
          byte[] reply = "{\"text\":\"add a task to buy milk\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.start();
    return fake;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  Recorded last() {
    return last.get();
  }

  /** The raw multipart body of the last transcription request. */
  String transcriptionRequest() {
    return transcriptionRequest.get();
  }

  /** Queues the next chat completion answers, in order; when none is queued the model echoes. */
  void enqueue(ModelReply... next) {
    replies.addAll(java.util.List.of(next));
  }

  /** Every chat completion request body received so far, oldest first. */
  java.util.List<String> completions() {
    return completions;
  }

  void stop() {
    server.stop(0);
  }
}
