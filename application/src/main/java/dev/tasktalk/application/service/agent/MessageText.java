package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.chatkit.ChatKitJson;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text of stored messages as a model reads it: a user message's text and tags (as {@code @label}),
 * the text it quotes and the names of its attachments; an assistant message's {@code output_text}.
 */
final class MessageText {

  private MessageText() {}

  static String user(ThreadItem item) {
    ObjectNode payload = ChatKitJson.readObject(item.payload());
    StringBuilder text = new StringBuilder();
    for (JsonNode part : payload.path("content")) {
      String value = ChatKitJson.text(part, "text");
      if (value == null) {
        continue;
      }
      text.append("input_tag".equals(ChatKitJson.text(part, "type")) ? "@" + value : value);
    }
    String quoted = ChatKitJson.text(payload, "quoted_text");
    if (quoted != null && !quoted.isBlank()) {
      text.insert(0, "(Quoting: \"" + quoted.strip() + "\")\n");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode attachment : payload.path("attachments")) {
      String name = ChatKitJson.text(attachment, "name");
      names.add(name == null ? "a file" : name);
    }
    if (!names.isEmpty()) {
      text.append("\n(Attached: ").append(String.join(", ", names)).append(')');
    }
    return text.toString();
  }

  static String assistant(ThreadItem item) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : ChatKitJson.readObject(item.payload()).path("content")) {
      String value = ChatKitJson.text(part, "text");
      if ("output_text".equals(ChatKitJson.text(part, "type")) && value != null) {
        text.append(value);
      }
    }
    return text.toString();
  }
}
