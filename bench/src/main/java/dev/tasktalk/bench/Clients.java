package dev.tasktalk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's HTTP clients: ChatKit requests to the server (JSON or SSE) and the same kind of
 * streamed completion straight from the fake model, timed the same way on the same clock.
 */
final class Clients {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final boolean DEBUG = System.getenv("TASKTALK_BENCH_DEBUG") != null;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .executor(
              Executors.newCachedThreadPool(
                  runnable -> {
                    Thread thread = new Thread(runnable, "bench-client");
                    thread.setDaemon(true);
                    return thread;
                  }))
          .build();

  private final Executor streams =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "bench-stream");
            thread.setDaemon(true);
            return thread;
          });

  /** A JSON answer and how long the round trip took. */
  record Answer(int status, JsonNode body, long nanos) {}

  /** Sends a ChatKit request that streams, and completes when the stream ends. */
  CompletableFuture<Turn> chatKit(URI endpoint, String token, String body, String key, int tokens) {
    return stream(endpoint, "Bearer " + token, body, key, tokens, Clients::chatKitEvent);
  }

  /** Sends a streamed chat completion straight to the fake model. */
  CompletableFuture<Turn> direct(URI completions, String userText, String key, int tokens) {
    String body =
        JSON.createObjectNode()
            .put("model", FakeModel.MODEL)
            .put("stream", true)
            .set(
                "messages",
                JSON.createArrayNode()
                    .add(JSON.createObjectNode().put("role", "user").put("content", userText)))
            .toString();
    return stream(completions, "Bearer bench", body, key, tokens, Clients::completionChunk);
  }

  /** A JSON ChatKit request (items.list, threads.list …). */
  Answer json(URI endpoint, String token, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long nanos = System.nanoTime() - start;
    return new Answer(response.statusCode(), JSON.readTree(response.body()), nanos);
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Reads one streamed response on its own thread, as a browser tab would hold its own connection.
   */
  private CompletableFuture<Turn> stream(
      URI uri,
      String authorization,
      String body,
      String key,
      int tokens,
      BiConsumer<Turn, JsonNode> events) {
    CompletableFuture<Turn> done = new CompletableFuture<>();
    streams.execute(
        () -> {
          Turn turn = new Turn(key, tokens, System.nanoTime());
          StringBuilder other = new StringBuilder();
          try {
            turn.status(
                RawStream.post(uri, authorization, body, line -> line(turn, line, events, other)));
            if (other.length() > 0) {
              turn.error("not an event stream: " + other);
            }
          } catch (IOException | RuntimeException e) {
            turn.error(e.toString());
          }
          turn.ended(System.nanoTime());
          done.complete(turn);
        });
    return done;
  }

  /** {@code data:} lines are events; anything else is kept as the body of an error. */
  private static void line(
      Turn turn, String line, BiConsumer<Turn, JsonNode> events, StringBuilder other) {
    if (DEBUG) {
      System.err.println(turn.key() + " | " + line);
    }
    if (line.startsWith("data: ")) {
      long at = System.nanoTime();
      turn.event(at);
      String data = line.substring(6);
      String delta = Deltas.quickText(data);
      if (delta != null) {
        turn.delta(delta, at); // the common case, read without a JSON parser to spare the CPU
      } else if (!data.equals("[DONE]")) {
        events.accept(turn, JSON.readTree(data));
      }
    } else if (!line.isBlank() && other.length() < 500) {
      other.append(line);
    }
  }

  private static void chatKitEvent(Turn turn, JsonNode event) {
    switch (event.path("type").asString("")) {
      case "thread.item.updated" -> {
        JsonNode update = event.path("update");
        if ("assistant_message.content_part.text_delta".equals(update.path("type").asString(""))) {
          turn.delta(update.path("delta").asString(""), System.nanoTime());
        }
      }
      case "thread.created" -> turn.thread(event.path("thread").path("id").asString());
      case "error" -> turn.error(event.toString());
      default -> {}
    }
  }

  private static void completionChunk(Turn turn, JsonNode chunk) {
    JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
    if (content.isString()) {
      turn.delta(content.asString(), System.nanoTime());
    }
  }
}
