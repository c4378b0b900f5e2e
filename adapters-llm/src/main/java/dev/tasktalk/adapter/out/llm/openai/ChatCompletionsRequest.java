package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.port.out.llm.ToolDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON body of a streaming {@code POST /chat/completions}: the conversation with its
 * tool calls and results under the ids the provider knows (and the extra fields it sent with each
 * call, all carried by the {@link ToolCall}s themselves), the tools (only when there are some), and
 * {@code stream_options} when the provider accepts it.
 */
final class ChatCompletionsRequest {

  private final String model;
  private final Map<String, String> wireIds = new HashMap<>();
  private List<ModelMessage> messages = List.of();
  private List<ToolDefinition> tools = List.of();
  private boolean includeUsage;
  private boolean passBackReasoning;

  private ChatCompletionsRequest(String model) {
    this.model = model;
  }

  static ChatCompletionsRequest forModel(String model) {
    return new ChatCompletionsRequest(model);
  }

  ChatCompletionsRequest messages(List<ModelMessage> messages) {
    this.messages = messages;
    return this;
  }

  ChatCompletionsRequest tools(List<ToolDefinition> tools) {
    this.tools = tools;
    return this;
  }

  ChatCompletionsRequest includeUsage(boolean includeUsage) {
    this.includeUsage = includeUsage;
    return this;
  }

  ChatCompletionsRequest passBackReasoning(boolean passBackReasoning) {
    this.passBackReasoning = passBackReasoning;
    return this;
  }

  String toJson() {
    ObjectNode body = json().createObjectNode().put("model", model);
    ArrayNode out = body.putArray("messages");
    messages.stream()
        .filter(ModelMessage.Assistant.class::isInstance)
        .map(ModelMessage.Assistant.class::cast)
        .flatMap(assistant -> assistant.toolCalls().stream())
        .forEach(call -> wireIds.put(call.id(), call.wireId()));
    messages.forEach(message -> out.add(message(message)));
    if (!tools.isEmpty()) {
      ArrayNode list = body.putArray("tools");
      tools.forEach(tool -> list.add(tool(tool)));
    }
    body.put("stream", true);
    if (includeUsage) {
      body.putObject("stream_options").put("include_usage", true);
    }
    return body.toString();
  }

  private ObjectNode message(ModelMessage message) {
    ObjectNode node = json().createObjectNode();
    if (message instanceof ModelMessage.System system) {
      return node.put("role", "system").put("content", system.text());
    }
    if (message instanceof ModelMessage.User user) {
      return node.put("role", "user").put("content", user.text());
    }
    if (message instanceof ModelMessage.ToolResult result) {
      return node.put("role", "tool")
          .put("tool_call_id", wireIds.getOrDefault(result.callId(), result.callId()))
          .put("content", result.content() == null ? "" : result.content());
    }
    return assistant((ModelMessage.Assistant) message, node);
  }

  private ObjectNode assistant(ModelMessage.Assistant assistant, ObjectNode node) {
    node.put("role", "assistant");
    boolean noText = assistant.text() == null || assistant.text().isEmpty();
    if (noText && !assistant.toolCalls().isEmpty()) {
      // What OpenAI itself returns for a pure tool-call turn, so every compatible server accepts
      // it.
      node.putNull("content");
    } else {
      node.put("content", noText ? "" : assistant.text());
    }
    if (passBackReasoning && assistant.reasoning() != null && !assistant.reasoning().isEmpty()) {
      node.put("reasoning_content", assistant.reasoning());
    }
    if (!assistant.toolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      assistant.toolCalls().forEach(call -> calls.add(toolCall(call)));
    }
    return node;
  }

  private ObjectNode toolCall(ToolCall call) {
    ObjectNode node = json().createObjectNode().put("id", call.wireId()).put("type", "function");
    node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
    if (call.providerData() != null) {
      extras(call.providerData()).ifPresent(node::setAll);
    }
    return node;
  }

  // The stored fields are an object this adapter wrote; anything else is left out rather than
  // failing a turn.
  private static Optional<ObjectNode> extras(String providerData) {
    try {
      JsonNode extras = json().readTree(providerData);
      return extras instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
  }

  private static ObjectNode tool(ToolDefinition tool) {
    ObjectNode node = json().createObjectNode().put("type", "function");
    node.putObject("function")
        .put("name", tool.name())
        .put("description", tool.description())
        .set("parameters", schema(tool));
    return node;
  }

  private static JsonNode schema(ToolDefinition tool) {
    try {
      JsonNode schema = json().readTree(tool.parametersSchema());
      if (schema.isObject()) {
        return schema;
      }
    } catch (JacksonException notJson) {
      // Reported below.
    }
    throw new LanguageModelException(
        LanguageModelException.Kind.BAD_REQUEST,
        false,
        "the tool " + tool.name() + " has a parameters schema that is not a JSON object");
  }

  private static JsonMapper json() {
    return JsonMapper.shared();
  }
}
