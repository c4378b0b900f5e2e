package dev.tasktalk.adapter.out.mcp;

import dev.tasktalk.application.tools.ToolOutcome;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates between the agent's tool calls and one external MCP server's: the arguments (JSON
 * text) into what the server is sent, and every answer, refusal or silence into a {@link
 * ToolOutcome}. A result's content is its {@code structuredContent} when present, else its text
 * content (as is when it is JSON, else as {@code {"text": …}}); a result marked {@code isError} is
 * an error outcome.
 */
final class RemoteOutcomes {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final int MAX_REASON = 300;

  private final String server;

  RemoteOutcomes(String server) {
    this.server = server;
  }

  /** The arguments as the server is sent them; none for null or blank text. */
  static Map<String, Object> arguments(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JSON.readTree(arguments);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the arguments are not valid JSON");
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("the arguments must be a JSON object");
    }
    return JSON.convertValue(node, OBJECT);
  }

  /** The question a confirmation asks before {@code tool} runs with {@code arguments}. */
  ToolOutcome question(RemoteTool tool, Map<String, Object> arguments) {
    String shown = arguments.isEmpty() ? "" : " with " + shorten(write(arguments));
    var content = JSON.createObjectNode().put("server", server).put("tool", tool.remoteName());
    content.set("arguments", JSON.valueToTree(arguments));
    return new ToolOutcome(false, write(content), "Run " + tool.label() + shown + "?");
  }

  /** What the server answered. */
  ToolOutcome result(RemoteTool tool, RemoteConnection.Result result) {
    boolean isError = result.isError();
    String text = result.text() == null ? "" : result.text();
    String content;
    if (result.structuredContent() != null && !isError) {
      content = write(result.structuredContent());
    } else if (isError) {
      content = error(text.isBlank() ? "the tool reported an error" : text);
    } else {
      content = asJson(text);
    }
    if (isError) {
      String reason = shorten(text.isBlank() ? "the tool reported an error" : text);
      return new ToolOutcome(true, content, "Couldn't run " + tool.label() + ": " + reason);
    }
    return new ToolOutcome(false, content, "Ran " + tool.label());
  }

  /** The server refused the call with a JSON-RPC error: the call failed, the server is fine. */
  ToolOutcome refused(RemoteTool tool, RuntimeException refusal) {
    String reason = shorten(messageOf(refusal));
    return new ToolOutcome(
        true,
        error(tool.remoteName() + " failed on " + server + ": " + reason),
        "Couldn't run " + tool.label() + ": " + reason);
  }

  /** Arguments that cannot be sent. */
  ToolOutcome badArguments(RemoteTool tool, String reason) {
    return new ToolOutcome(true, error(reason), "Couldn't run " + tool.label() + ": " + reason);
  }

  /** The server did not answer; {@code reason} null when it was never reached. */
  ToolOutcome unavailable(String reason) {
    String why = reason == null ? "it has not answered yet" : reason;
    return new ToolOutcome(
        true,
        error("the " + server + " tool server is unavailable: " + why),
        "Couldn't reach " + server);
  }

  ToolOutcome unknown(String name, Map<String, RemoteTool> known) {
    return new ToolOutcome(
        true,
        error("unknown tool " + name + "; the tools are " + String.join(", ", known.keySet())),
        "Couldn't run an unknown tool");
  }

  /** The text itself when it is one JSON object or array, else {@code {"text": text}}. */
  private static String asJson(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return write(JSON.readTree(trimmed));
      } catch (JacksonException e) {
        // not JSON after all
      }
    }
    return write(JSON.createObjectNode().put("text", text));
  }

  private static String messageOf(Throwable e) {
    return e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName()
        : e.getMessage();
  }

  /** One line of at most 300 characters. */
  static String shorten(String text) {
    String single = text.replaceAll("\\s+", " ").strip();
    return single.length() <= MAX_REASON ? single : single.substring(0, MAX_REASON - 1) + "…";
  }

  private static String error(String message) {
    return write(JSON.createObjectNode().put("error", message));
  }

  static String write(Object value) {
    return JSON.writeValueAsString(value);
  }
}
