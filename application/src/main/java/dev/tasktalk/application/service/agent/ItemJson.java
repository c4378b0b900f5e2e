package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.chatkit.ChatKitJson;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ChatKit JSON the engine emits (protocol §3.2 and §4.2): assistant message payloads and their
 * content-part updates, workflows with their tasks and task updates, widgets and hidden notes.
 */
final class ItemJson {

  private ItemJson() {}

  static String assistantMessage(String text) {
    ObjectNode payload = ChatKitJson.object();
    payload.putArray("content").add(outputText(text));
    return ChatKitJson.write(payload);
  }

  static String emptyAssistantMessage() {
    ObjectNode payload = ChatKitJson.object();
    payload.putArray("content");
    return ChatKitJson.write(payload);
  }

  static String contentPartAdded() {
    ObjectNode update = update("assistant_message.content_part.added");
    update.set("content", outputText(""));
    return ChatKitJson.write(update);
  }

  static String textDelta(String delta) {
    return ChatKitJson.write(update("assistant_message.content_part.text_delta").put("delta", delta));
  }

  static String contentPartDone(String text) {
    ObjectNode update = update("assistant_message.content_part.done");
    update.set("content", outputText(text));
    return ChatKitJson.write(update);
  }

  /** A {@code custom} workflow; {@code summary} null while it runs. */
  static String workflow(List<ObjectNode> tasks, String summary) {
    ObjectNode payload = ChatKitJson.object();
    ObjectNode workflow = payload.putObject("workflow").put("type", "custom");
    tasks.forEach(workflow.putArray("tasks")::add);
    if (summary != null) {
      workflow.putObject("summary").put("title", summary);
    }
    workflow.put("expanded", false);
    return ChatKitJson.write(payload);
  }

  /**
   * A {@code custom} task; {@code name} and {@code arguments} (when not null) say which tool call it
   * shows, which the plain chat API reads back.
   */
  static ObjectNode task(String title, String indicator, String icon, String name, String arguments) {
    ObjectNode task = ChatKitJson.object().put("type", "custom").put("title", title).put("status_indicator", indicator);
    if (icon != null) {
      task.put("icon", icon);
    }
    if (name != null) {
      task.put("name", name);
    }
    if (arguments != null) {
      task.put("arguments", arguments);
    }
    return task;
  }

  static String taskAdded(int index, ObjectNode task) {
    return taskUpdate("workflow.task.added", index, task);
  }

  static String taskUpdated(int index, ObjectNode task) {
    return taskUpdate("workflow.task.updated", index, task);
  }

  static String widget(JsonNode widget, String copyText) {
    ObjectNode payload = ChatKitJson.object();
    payload.set("widget", widget);
    payload.put("copy_text", copyText);
    return ChatKitJson.write(payload);
  }

  /** A hidden context item: {@code content} is stored, never sent. */
  static String hidden(JsonNode content) {
    ObjectNode payload = ChatKitJson.object();
    payload.set("content", content);
    return ChatKitJson.write(payload);
  }

  private static String taskUpdate(String type, int index, ObjectNode task) {
    ObjectNode update = update(type).put("task_index", index);
    update.set("task", task.deepCopy());
    return ChatKitJson.write(update);
  }

  private static ObjectNode update(String type) {
    ObjectNode update = ChatKitJson.object().put("type", type);
    if (type.startsWith("assistant_message.")) {
      update.put("content_index", 0);
    }
    return update;
  }

  private static ObjectNode outputText(String text) {
    ObjectNode part = ChatKitJson.object();
    part.putArray("annotations");
    return part.put("text", text).put("type", "output_text");
  }
}
