package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonArray;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An item that was added but is not done yet, with the updates applied so far: text deltas and
 * annotations of an assistant message, tasks of a workflow. Text goes into builders, so a long
 * answer costs an append per delta rather than a copy of the whole text.
 */
final class PendingItem {

  // Indexes come from the responder; a wild one must not make us allocate a huge list.
  private static final int MAX_INDEX = 1_000;

  private final ThreadItem item;
  private final JsonObject payload;
  private final List<Part> parts = new ArrayList<>();

  PendingItem(ThreadItem item) {
    this.item = item;
    this.payload = Json.parseObject(item.payload());
    if (item.type() == ItemType.ASSISTANT_MESSAGE) {
      JsonValue content = payload.get("content");
      if (content != null && content.isArray()) {
        content.forEach(part -> parts.add(Part.of(part)));
      }
    }
  }

  ThreadItem item() {
    return item;
  }

  /** Applies a {@code ThreadItemUpdate}; kinds that the server does not track are ignored. */
  void apply(JsonObject update) {
    String type = update.path("type").stringValue();
    if (type == null) {
      return;
    }
    switch (type) {
      case "assistant_message.content_part.added", "assistant_message.content_part.done" ->
          part(update).ifPresent(i -> parts.set(i, Part.of(update.path("content"))));
      case "assistant_message.content_part.text_delta" ->
          part(update).ifPresent(i -> parts.get(i).text.append(update.path("delta").asString("")));
      case "assistant_message.content_part.annotation_added" ->
          part(update)
              .ifPresent(
                  i ->
                      parts
                          .get(i)
                          .annotate(
                              update.path("annotation_index").asInt(-1),
                              update.path("annotation")));
      case "workflow.task.added" ->
          tasks().ifPresent(tasks -> tasks.add(update.path("task").deepCopy()));
      case "workflow.task.updated" ->
          tasks()
              .ifPresent(
                  tasks -> {
                    int index = update.path("task_index").asInt(-1);
                    if (index >= 0 && index < tasks.size()) {
                      tasks.set(index, update.path("task").deepCopy());
                    }
                  });
      default -> {}
    }
  }

  /** Whether an assistant message has received any visible text. */
  boolean hasText() {
    return parts.stream().anyMatch(part -> !part.text.toString().isBlank());
  }

  /** The item as it stands now. */
  ThreadItem snapshot() {
    if (item.type() != ItemType.ASSISTANT_MESSAGE) {
      return item.withPayload(Json.write(payload));
    }
    JsonObject copy = payload.deepCopy();
    JsonArray content = copy.putArray("content");
    parts.forEach(part -> content.add(part.render()));
    return item.withPayload(Json.write(copy));
  }

  private Optional<Integer> part(JsonObject update) {
    int index = update.path("content_index").asInt(-1);
    if (item.type() != ItemType.ASSISTANT_MESSAGE || index < 0 || index > MAX_INDEX) {
      return Optional.empty();
    }
    while (parts.size() <= index) {
      parts.add(Part.of(Json.object()));
    }
    return Optional.of(index);
  }

  private Optional<JsonArray> tasks() {
    if (item.type() != ItemType.WORKFLOW) {
      return Optional.empty();
    }
    JsonObject workflow =
        payload.path("workflow").isObject()
            ? (JsonObject) payload.get("workflow")
            : payload.putObject("workflow");
    JsonValue tasks = workflow.get("tasks");
    return Optional.of(
        tasks != null && tasks.isArray() ? (JsonArray) tasks : workflow.putArray("tasks"));
  }

  /** One {@code output_text} part: its fields, with the text kept aside in a builder. */
  private static final class Part {
    private final JsonObject fields;
    private final StringBuilder text;

    private Part(JsonObject fields, StringBuilder text) {
      this.fields = fields;
      this.text = text;
    }

    static Part of(JsonValue content) {
      JsonObject fields = content.isObject() ? ((JsonObject) content).deepCopy() : Json.object();
      JsonValue text = fields.remove("text");
      fields.putIfAbsent("annotations", Json.array());
      fields.putIfAbsent("type", JsonValue.of("output_text"));
      return new Part(
          fields, new StringBuilder(text != null && text.isString() ? text.stringValue() : ""));
    }

    void annotate(int index, JsonValue annotation) {
      JsonValue list = fields.get("annotations");
      JsonArray annotations =
          list != null && list.isArray() ? (JsonArray) list : fields.putArray("annotations");
      if (index >= 0 && index < annotations.size()) {
        annotations.insert(index, annotation.deepCopy());
      } else {
        annotations.add(annotation.deepCopy());
      }
    }

    JsonObject render() {
      JsonObject rendered = Json.object();
      rendered.set("annotations", fields.path("annotations").deepCopy());
      rendered.put("text", text.toString());
      fields
          .members()
          .forEach(
              field -> {
                if (!field.getKey().equals("annotations")) {
                  rendered.set(field.getKey(), field.getValue().deepCopy());
                }
              });
      return rendered;
    }
  }
}
