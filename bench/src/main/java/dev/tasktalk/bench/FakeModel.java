package dev.tasktalk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local OpenAI-compatible model: {@code POST /v1/chat/completions} streamed in the provider's
 * wire format. What it answers is written in the user's message as a directive, {@code bench
 * id=<key> tokens=<n> rate=<tokens per second> [tool=<name>]}: it streams n tokens {@code w0 w1 …}
 * at that rate, or first a call of the named tool when the conversation does not yet end with that
 * tool's result. Every token's departure is recorded in the turn's {@link Trace}. Title requests
 * get a short title at once.
 */
final class FakeModel implements AutoCloseable {

  static final String MODEL = "bench-model";
  private static final Pattern DIRECTIVE =
      Pattern.compile("bench id=(\\S+) tokens=(\\d+) rate=(\\d+)(?: tool=(\\w+))?");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ExecutorService workers;
  private final Map<String, Trace> traces = new ConcurrentHashMap<>();

  /** One turn's instructions, read from the user's message. */
  record Directive(String key, int tokens, int rate, String tool) {

    static Optional<Directive> in(String text) {
      Matcher m = DIRECTIVE.matcher(text);
      if (!m.find()) {
        return Optional.empty();
      }
      return Optional.of(
          new Directive(
              m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
    }

    /** The user's message that asks for this turn. */
    static String text(String key, int tokens, int rate, String tool) {
      return "bench id="
          + key
          + " tokens="
          + tokens
          + " rate="
          + rate
          + (tool == null ? "" : " tool=" + tool);
    }
  }

  private FakeModel(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  static FakeModel start() throws IOException {
    // Without it the JDK server leaves Nagle on and small SSE chunks can wait for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
    ExecutorService workers =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "fake-model");
              thread.setDaemon(true);
              return thread;
            });
    FakeModel model = new FakeModel(server, workers);
    server.setExecutor(workers);
    server.createContext("/v1/chat/completions", model::complete);
    server.start();
    return model;
  }

  /** The value for the server's {@code LLM_BASE_URL}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The trace of the turn with this key, created when its first request arrives. */
  Trace trace(String key) {
    return traces.get(key);
  }

  private void complete(HttpExchange exchange) throws IOException {
    long receivedAt = System.nanoTime();
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      ArrayNode messages = (ArrayNode) request.path("messages");
      Optional<Directive> directive = Optional.empty();
      for (JsonNode message : messages) {
        if ("user".equals(message.path("role").asString(""))) {
          Optional<Directive> found = Directive.in(text(message.path("content")));
          if (found.isPresent()) {
            directive = found; // the newest user message with a directive is this turn's
          }
        }
      }
      boolean stream = request.path("stream").asBoolean(false);
      if (isTitleRequest(messages) || directive.isEmpty()) {
        answer(exchange, stream, "Benchmark conversation");
        return;
      }
      Directive turn = directive.get();
      Trace trace = traces.computeIfAbsent(turn.key(), key -> new Trace(turn.tokens()));
      boolean toolDone = "tool".equals(messages.get(messages.size() - 1).path("role").asString(""));
      if (turn.tool() != null && !toolDone && request.has("tools")) {
        trace.toolRequest(receivedAt);
        callTool(exchange, turn);
        trace.toolCallSent(System.nanoTime());
        return;
      }
      trace.answerRequest(receivedAt);
      streamTokens(
          exchange,
          turn,
          trace,
          request.path("stream_options").path("include_usage").asBoolean(false));
    }
  }

  private static boolean isTitleRequest(ArrayNode messages) {
    return messages.size() > 0
        && text(messages.get(0).path("content")).startsWith("Write a short title");
  }

  private static String text(JsonNode content) {
    if (content.isString()) {
      return content.asString();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      text.append(part.path("text").asString(""));
    }
    return text.toString();
  }

  private void streamTokens(HttpExchange exchange, Directive turn, Trace trace, boolean usage)
      throws IOException {
    OutputStream out = startStream(exchange);
    long start = System.nanoTime();
    long created = System.currentTimeMillis() / 1000;
    long period = TimeUnit.SECONDS.toNanos(1) / Math.max(turn.rate(), 1);
    for (int i = 0; i < turn.tokens(); i++) {
      long due = start + i * period;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        sleep(wait);
      }
      // Built by hand: at 1,000 streams the fake model writes 20,000 chunks a second on the same
      // two cores as the server, so it should cost as little as it can.
      String chunk =
          "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":"
              + created
              + ",\"model\":\""
              + MODEL
              + "\",\"choices\":[{\"index\":0,\"delta\":{"
              + (i == 0 ? "\"role\":\"assistant\"," : "")
              + "\"content\":\""
              + (i == 0 ? "w" : " w")
              + i
              + "\"},\"finish_reason\":null}]}";
      trace.tokenSent(
          i, System.nanoTime()); // as it goes out: a reader may see it before flush returns
      if (!send(out, chunk)) {
        trace.tokenSent(i, 0);
        return; // the server hung up: a Stop
      }
    }
    send(out, chunk(JSON.createObjectNode(), "stop"));
    if (usage) {
      ObjectNode last = JSON.createObjectNode();
      last.put("id", "chatcmpl-bench").put("object", "chat.completion.chunk").put("model", MODEL);
      last.putArray("choices");
      last.putObject("usage")
          .put("prompt_tokens", 100)
          .put("completion_tokens", turn.tokens())
          .put("total_tokens", 100 + turn.tokens());
      send(out, last.toString());
    }
    send(out, "[DONE]");
  }

  private void callTool(HttpExchange exchange, Directive turn) throws IOException {
    OutputStream out = startStream(exchange);
    ObjectNode first = JSON.createObjectNode().put("role", "assistant");
    ObjectNode call = first.putArray("tool_calls").addObject();
    call.put("index", 0).put("id", "call_" + turn.key()).put("type", "function");
    call.putObject("function").put("name", turn.tool()).put("arguments", "");
    send(out, chunk(first, null));
    ObjectNode second = JSON.createObjectNode();
    second
        .putArray("tool_calls")
        .addObject()
        .put("index", 0)
        .putObject("function")
        .put("arguments", "{\"title\":\"Bench task " + turn.key() + "\"}");
    send(out, chunk(second, null));
    send(out, chunk(JSON.createObjectNode(), "tool_calls"));
    send(out, "[DONE]");
  }

  private static void answer(HttpExchange exchange, boolean stream, String text)
      throws IOException {
    if (stream) {
      OutputStream out = startStream(exchange);
      send(out, chunk(JSON.createObjectNode().put("role", "assistant").put("content", text), null));
      send(out, chunk(JSON.createObjectNode(), "stop"));
      send(out, "[DONE]");
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-bench").put("object", "chat.completion").put("model", MODEL);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", text);
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static OutputStream startStream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().add("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }

  private static String chunk(ObjectNode delta, String finishReason) {
    ObjectNode chunk = JSON.createObjectNode();
    chunk
        .put("id", "chatcmpl-bench")
        .put("object", "chat.completion.chunk")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", MODEL);
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0).set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk.toString();
  }

  /** Writes one SSE event and flushes it; false when the reader has gone. */
  private static boolean send(OutputStream out, String data) {
    try {
      out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
