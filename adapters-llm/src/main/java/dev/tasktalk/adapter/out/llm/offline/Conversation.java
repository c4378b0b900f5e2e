package dev.tasktalk.adapter.out.llm.offline;

import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of a request's messages: the user's messages, the system instructions, and the
 * tool calls and results of the current turn (everything after the last user message).
 */
final class Conversation {

  private final List<ModelMessage> messages;

  Conversation(List<ModelMessage> messages) {
    this.messages = List.copyOf(messages);
  }

  List<ModelMessage> messages() {
    return messages;
  }

  /** Indexes of the user messages, oldest first. */
  List<Integer> userIndexes() {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i) instanceof ModelMessage.User) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  String userText(int index) {
    String text = ((ModelMessage.User) messages.get(index)).text();
    return text == null ? "" : text;
  }

  /** The latest user message, or empty text when there is none. */
  String lastUserText() {
    List<Integer> users = userIndexes();
    return users.isEmpty() ? "" : userText(users.get(users.size() - 1));
  }

  Optional<String> firstUserText() {
    List<Integer> users = userIndexes();
    return users.isEmpty() ? Optional.empty() : Optional.of(userText(users.get(0)));
  }

  /** All system instructions, joined. */
  String systemText() {
    StringBuilder text = new StringBuilder();
    for (ModelMessage message : messages) {
      if (message instanceof ModelMessage.System system && system.text() != null) {
        text.append(system.text()).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * The text of the last assistant message before {@code index} (and after the user message before
   * it).
   */
  Optional<String> assistantTextBefore(int index) {
    for (int i = index - 1; i >= 0; i--) {
      ModelMessage message = messages.get(i);
      if (message instanceof ModelMessage.User) {
        return Optional.empty();
      }
      if (message instanceof ModelMessage.Assistant assistant
          && assistant.text() != null
          && !assistant.text().isBlank()) {
        return Optional.of(assistant.text());
      }
    }
    return Optional.empty();
  }

  /** The tool calls answered since the last user message, in the order their results arrived. */
  List<ToolStep> currentSteps() {
    List<Integer> users = userIndexes();
    int from = users.isEmpty() ? 0 : users.get(users.size() - 1) + 1;
    Map<String, ToolCall> calls = new HashMap<>();
    List<ToolStep> steps = new ArrayList<>();
    for (ModelMessage message : messages.subList(from, messages.size())) {
      if (message instanceof ModelMessage.Assistant assistant) {
        assistant.toolCalls().forEach(call -> calls.put(call.id(), call));
      } else if (message instanceof ModelMessage.ToolResult result) {
        ToolCall call = calls.get(result.callId());
        String tool = result.name() != null ? result.name() : call == null ? "" : call.name();
        steps.add(
            new ToolStep(
                tool,
                Json.read(call == null ? null : call.arguments()),
                Json.read(result.content())));
      }
    }
    return steps;
  }
}
