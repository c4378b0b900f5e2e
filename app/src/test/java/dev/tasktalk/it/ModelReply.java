package dev.tasktalk.it;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One scripted answer of the fake model, sent in OpenAI's streaming chat completions wire format:
 * text in several chunks, tool calls in argument fragments, the usage chunk and {@code [DONE]}; or
 * an HTTP error with OpenAI's error body.
 */
record ModelReply(
    String text, List<String[]> toolCalls, int status, String errorCode, long delayMillis) {

  static ModelReply text(String text) {
    return new ModelReply(text, List.of(), 200, null, 0);
  }

  /** A tool call: name and arguments JSON. */
  static ModelReply tool(String name, String arguments) {
    return new ModelReply("", List.<String[]>of(new String[] {name, arguments}), 200, null, 0);
  }

  static ModelReply error(int status, String code) {
    return new ModelReply(null, List.of(), status, code, 0);
  }

  ModelReply slowly(long delayMillisPerChunk) {
    return new ModelReply(text, toolCalls, status, errorCode, delayMillisPerChunk);
  }

  /** With nothing queued: echo the last user message, or give a title when no tools are offered. */
  static ModelReply defaultFor(String requestBody) {
    JsonObject request = Json.createReader(new StringReader(requestBody)).readObject();
    if (!request.containsKey("tools")) {
      return text("Test conversation");
    }
    JsonArray messages = request.getJsonArray("messages");
    String last = "";
    for (JsonObject message : messages.getValuesAs(JsonObject.class)) {
      if ("user".equals(message.getString("role"))
          && message.get("content") instanceof jakarta.json.JsonString s) {
        last = s.getString();
      }
    }
    return text("You said: " + last);
  }

  void send(HttpExchange exchange) throws IOException {
    if (status != 200) {
      byte[] body =
          ("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":"
                  + (errorCode == null ? "null" : "\"" + errorCode + "\"")
                  + "}}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("retry-after-ms", "10");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String chunk : chunks()) {
        out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
      }
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      // the server under test cancelled the call (Stop): nothing more to send
    }
  }

  private List<String> chunks() {
    List<String> chunks = new ArrayList<>();
    chunks.add(delta("{\"role\":\"assistant\",\"content\":\"\"}", null));
    if (text != null && !text.isEmpty()) {
      for (String word : text.split("(?<= )")) {
        chunks.add(delta("{\"content\":" + Json.createValue(word) + "}", null));
      }
    }
    for (int i = 0; i < toolCalls.size(); i++) {
      String[] call = toolCalls.get(i);
      String args = call[1];
      int half = args.length() / 2;
      chunks.add(
          delta(
              "{\"tool_calls\":[{\"index\":"
                  + i
                  + ",\"id\":\"call_"
                  + i
                  + "_"
                  + System.nanoTime()
                  + "\",\"type\":\"function\",\"function\":{\"name\":\""
                  + call[0]
                  + "\",\"arguments\":\"\"}}]}",
              null));
      chunks.add(
          delta(
              "{\"tool_calls\":[{\"index\":"
                  + i
                  + ",\"function\":{\"arguments\":"
                  + Json.createValue(args.substring(0, half))
                  + "}}]}",
              null));
      chunks.add(
          delta(
              "{\"tool_calls\":[{\"index\":"
                  + i
                  + ",\"function\":{\"arguments\":"
                  + Json.createValue(args.substring(half))
                  + "}}]}",
              null));
    }
    chunks.add(delta("{}", toolCalls.isEmpty() ? "stop" : "tool_calls"));
    chunks.add(
        "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"model\":\"fake-model\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":7,\"total_tokens\":49}}");
    return chunks;
  }

  private static String delta(String delta, String finish) {
    return "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"model\":\"fake-model\",\"choices\":[{"
               + "\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + (finish == null ? "null" : "\"" + finish + "\"")
        + "}],\"usage\":null}";
  }
}
