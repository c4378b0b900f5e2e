package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of stored messages as a model reads it: a user message's text and tags (as
 * {@code @label}), the text it quotes and the names of its attachments; an assistant message's
 * {@code output_text}.
 */
final class MessageText {

  private MessageText() {}

  static String user(ThreadItem item) {
    JsonObject payload = Json.parseObject(item.payload());
    StringBuilder text = new StringBuilder();
    for (JsonValue part : payload.path("content")) {
      String value = part.path("text").stringValue();
      if (value == null) {
        continue;
      }
      text.append("input_tag".equals(part.path("type").stringValue()) ? "@" + value : value);
    }
    String quoted = payload.path("quoted_text").stringValue();
    if (quoted != null && !quoted.isBlank()) {
      text.insert(0, "(Quoting: \"" + quoted.strip() + "\")\n");
    }
    List<String> names = new ArrayList<>();
    for (JsonValue attachment : payload.path("attachments")) {
      String name = attachment.path("name").stringValue();
      names.add(name == null ? "a file" : name);
    }
    if (!names.isEmpty()) {
      text.append("\n(Attached: ").append(String.join(", ", names)).append(')');
    }
    return text.toString();
  }

  static String assistant(ThreadItem item) {
    StringBuilder text = new StringBuilder();
    for (JsonValue part : Json.parseObject(item.payload()).path("content")) {
      String value = part.path("text").stringValue();
      if ("output_text".equals(part.path("type").stringValue()) && value != null) {
        text.append(value);
      }
    }
    return text.toString();
  }
}
