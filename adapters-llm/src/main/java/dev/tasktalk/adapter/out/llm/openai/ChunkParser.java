package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code chat.completion.chunk}s: text, refusal and reasoning deltas go out at once, tool
 * call fragments are collected, and the finish reason and token usage are kept for the end. An
 * error object in place of a chunk fails the answer.
 */
final class ChunkParser {

  private final ErrorMapper errors;
  private final ToolCallAssembler toolCalls = new ToolCallAssembler();
  private String finishReason;
  private Long inputTokens;
  private Long outputTokens;

  ChunkParser(ErrorMapper errors) {
    this.errors = errors;
  }

  /** The deltas in one event's data ({@code [DONE]} is the caller's to spot). */
  List<ModelEvent> accept(String eventName, String data) {
    JsonNode chunk;
    try {
      chunk = JsonMapper.shared().readTree(data);
    } catch (JacksonException notJson) {
      return acceptLines(eventName, data);
    }
    if ("error".equals(eventName) || isError(chunk)) {
      throw errors.fromStream(chunk);
    }
    JsonNode usage = chunk.path("usage");
    if (usage.isObject()) {
      inputTokens = tokens(usage.path("prompt_tokens"), inputTokens);
      outputTokens = tokens(usage.path("completion_tokens"), outputTokens);
    }
    List<ModelEvent> events = new ArrayList<>();
    // The usage chunk has "choices": [] — or null, or none at all (vLLM); path() covers all three.
    for (JsonNode choice : chunk.path("choices")) {
      if (choice.path("index").asInt(0) == 0) {
        acceptChoice(choice, events);
      }
    }
    return events;
  }

  /**
   * Whether a finish reason arrived: an answer that has one is complete even without {@code
   * [DONE]}.
   */
  boolean finished() {
    return finishReason != null;
  }

  /**
   * The tool calls, then the finish. Tool calls count whatever the finish reason says, since Gemini
   * streams {@code stop} after them; the reason reported is then {@code tool_calls}.
   */
  List<ModelEvent> end(ToolCallIds ids) {
    List<ToolCall> calls = ids.publish(toolCalls.calls(), errors);
    List<ModelEvent> events = new ArrayList<>();
    calls.forEach(call -> events.add(new ModelEvent.ToolCallRequested(call)));
    String reason = finishReason == null ? "stop" : finishReason;
    if (!calls.isEmpty() && reason.equals("stop")) {
      reason = "tool_calls";
    }
    events.add(new ModelEvent.Finished(reason, inputTokens, outputTokens));
    return events;
  }

  private void acceptChoice(JsonNode choice, List<ModelEvent> events) {
    // A server that ignored stream:true answers with one whole "message" instead of deltas.
    JsonNode delta = choice.has("delta") ? choice.path("delta") : choice.path("message");
    text(delta.path("reasoning_content"))
        .or(() -> text(delta.path("reasoning")))
        .ifPresent(reasoning -> events.add(new ModelEvent.ReasoningDelta(reasoning)));
    text(delta.path("content")).ifPresent(content -> events.add(new ModelEvent.TextDelta(content)));
    // A refusal is what the model tells the user instead of an answer, so it is shown as text.
    text(delta.path("refusal")).ifPresent(refusal -> events.add(new ModelEvent.TextDelta(refusal)));
    toolCalls.accept(delta.path("tool_calls"));
    JsonNode finish = choice.path("finish_reason");
    if (finish.isString() && !finish.stringValue().isBlank()) {
      if (finish.stringValue().equals("error")) {
        throw errors.fromStream(
            JsonMapper.shared()
                .createObjectNode()
                .put("message", "the answer ended with an error"));
      }
      finishReason = finish.stringValue();
    }
  }

  /** Servers that forget the blank line between events leave several JSON chunks in one event. */
  private List<ModelEvent> acceptLines(String eventName, String data) {
    String[] lines = data.split("\n");
    if (lines.length < 2) {
      throw errors.badResponse("something that is not JSON: " + OpenAiHttp.shorten(data.strip()));
    }
    List<ModelEvent> events = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        events.addAll(accept(eventName, line));
      }
    }
    return events;
  }

  private static boolean isError(JsonNode chunk) {
    JsonNode error = chunk.path("error");
    return (!error.isMissingNode() && !error.isNull())
        || "error".equals(chunk.path("object").asString(""));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isString() && !node.stringValue().isEmpty()
        ? Optional.of(node.stringValue())
        : Optional.empty();
  }

  private static Long tokens(JsonNode node, Long previous) {
    return node.canConvertToLong() ? Long.valueOf(node.asLong()) : previous;
  }
}
