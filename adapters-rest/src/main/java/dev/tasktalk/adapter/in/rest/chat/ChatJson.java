package dev.tasktalk.adapter.in.rest.chat;

import dev.tasktalk.application.port.in.chatkit.ChatUseCase.ChatReply;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase.Conversation;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase.Message;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase.ToolCall;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** The chat API's JSON: snake_case keys, every key present (null when unset). */
final class ChatJson {

  private ChatJson() {}

  static JsonObject of(ChatReply reply) {
    JsonArrayBuilder calls = Json.createArrayBuilder();
    reply.toolCalls().forEach(call -> calls.add(of(call)));
    return Json.createObjectBuilder()
        .add("response", nullable(reply.response()))
        .add("conversation_id", nullable(reply.conversationId()))
        .add("tool_calls", calls)
        .build();
  }

  static JsonObject conversations(List<Conversation> conversations) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    conversations.forEach(
        c ->
            list.add(
                Json.createObjectBuilder()
                    .add("id", c.id())
                    .add("title", nullable(c.title()))
                    .add("created_at", nullable(c.createdAt()))));
    return Json.createObjectBuilder().add("conversations", list).build();
  }

  static JsonObject messages(List<Message> messages) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    messages.forEach(
        m ->
            list.add(
                Json.createObjectBuilder()
                    .add("id", m.id())
                    .add("role", m.role())
                    .add("text", nullable(m.text()))
                    .add("created_at", nullable(m.createdAt()))));
    return Json.createObjectBuilder().add("messages", list).build();
  }

  private static JsonObjectBuilder of(ToolCall call) {
    return Json.createObjectBuilder()
        .add("name", call.name())
        .add("arguments", arguments(call.arguments()))
        .add("title", nullable(call.title()))
        .add("status", nullable(call.status()));
  }

  /**
   * Arguments are JSON text; clients get the value itself, or the raw text if a model garbled it.
   */
  static JsonValue arguments(String arguments) {
    if (arguments == null) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = Json.createReader(new StringReader(arguments))) {
      return reader.readValue();
    } catch (JsonException e) {
      return Json.createValue(arguments);
    }
  }

  private static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : Json.createValue(value);
  }
}
