package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import java.util.List;

/**
 * The ChatKit JSON the engine emits (protocol §3.2 and §4.2): assistant message payloads and their
 * content-part updates, workflows with their tasks and task updates, widgets and hidden notes.
 */
final class ItemJson {

  private ItemJson() {}

  static String assistantMessage(String text) {
    JsonObject payload = Json.object();
    payload.putArray("content").add(outputText(text));
    return Json.write(payload);
  }

  static String emptyAssistantMessage() {
    JsonObject payload = Json.object();
    payload.putArray("content");
    return Json.write(payload);
  }

  static String contentPartAdded() {
    JsonObject update = update("assistant_message.content_part.added");
    update.set("content", outputText(""));
    return Json.write(update);
  }

  static String textDelta(String delta) {
    return Json.write(update("assistant_message.content_part.text_delta").put("delta", delta));
  }

  static String contentPartDone(String text) {
    JsonObject update = update("assistant_message.content_part.done");
    update.set("content", outputText(text));
    return Json.write(update);
  }

  /** A {@code custom} workflow; {@code summary} null while it runs. */
  static String workflow(List<JsonObject> tasks, String summary) {
    JsonObject payload = Json.object();
    JsonObject workflow = payload.putObject("workflow").put("type", "custom");
    tasks.forEach(workflow.putArray("tasks")::add);
    if (summary != null) {
      workflow.putObject("summary").put("title", summary);
    }
    workflow.put("expanded", false);
    return Json.write(payload);
  }

  /**
   * A {@code custom} task; {@code name} and {@code arguments} (when not null) say which tool call
   * it shows, which the plain chat API reads back.
   */
  static JsonObject task(
      String title, String indicator, String icon, String name, String arguments) {
    JsonObject task =
        Json.object().put("type", "custom").put("title", title).put("status_indicator", indicator);
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

  static String taskAdded(int index, JsonObject task) {
    return taskUpdate("workflow.task.added", index, task);
  }

  static String taskUpdated(int index, JsonObject task) {
    return taskUpdate("workflow.task.updated", index, task);
  }

  static String widget(JsonValue widget, String copyText) {
    JsonObject payload = Json.object();
    payload.set("widget", widget);
    payload.put("copy_text", copyText);
    return Json.write(payload);
  }

  /** A hidden context item: {@code content} is stored, never sent. */
  static String hidden(JsonValue content) {
    JsonObject payload = Json.object();
    payload.set("content", content);
    return Json.write(payload);
  }

  private static String taskUpdate(String type, int index, JsonObject task) {
    JsonObject update = update(type).put("task_index", index);
    update.set("task", task.deepCopy());
    return Json.write(update);
  }

  private static JsonObject update(String type) {
    JsonObject update = Json.object().put("type", type);
    if (type.startsWith("assistant_message.")) {
      update.put("content_index", 0);
    }
    return update;
  }

  private static JsonObject outputText(String text) {
    JsonObject part = Json.object();
    part.putArray("annotations");
    return part.put("text", text).put("type", "output_text");
  }
}
