package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonArray;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.InferenceOptions;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserContent;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserInput;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;

/**
 * Builds and reads the type-specific JSON of items ({@link ThreadItem#payload()}) the server
 * handles.
 */
final class ItemPayloads {

  static final String CANCELLED_NOTE =
      "The user cancelled the stream. Stop responding to the prior request.";
  static final String CUT_OFF_NOTE =
      "The previous assistant answer was cut off by an error before it finished, so it is"
          + " incomplete.";

  private ItemPayloads() {}

  /** A {@code user_message}: content, resolved attachments, quoted text, inference options. */
  static String userMessage(UserInput input, List<JsonObject> attachments) {
    JsonObject payload = Json.object();
    JsonArray content = payload.putArray("content");
    for (UserContent part : input.content()) {
      if (part instanceof UserContent.InputText text) {
        content.addObject().put("type", "input_text").put("text", text.text());
      } else if (part instanceof UserContent.InputTag tag) {
        JsonObject node =
            content
                .addObject()
                .put("type", "input_tag")
                .put("id", tag.id())
                .put("text", tag.text());
        node.set("data", Json.parseObject(tag.data()));
        if (tag.group() != null) {
          node.put("group", tag.group());
        }
        node.put("interactive", tag.interactive());
      }
    }
    JsonArray files = payload.putArray("attachments");
    attachments.forEach(files::add);
    if (input.quotedText() != null) {
      payload.put("quoted_text", input.quotedText());
    }
    payload.set("inference_options", inferenceOptions(input.inferenceOptions()));
    return Json.write(payload);
  }

  /** The {@code sdk_hidden_context} note that tells the next turn not to resume a stopped one. */
  static String cancelledNote() {
    return Json.write(Json.object().put("content", CANCELLED_NOTE));
  }

  /**
   * The {@code sdk_hidden_context} note that tells the next turn the answer before it was cut off
   * by an error.
   */
  static String cutOffNote() {
    return Json.write(Json.object().put("content", CUT_OFF_NOTE));
  }

  /** The text of a user message: its text parts and tag labels in order. */
  static String userText(ThreadItem item) {
    StringBuilder text = new StringBuilder();
    for (JsonValue part : content(item)) {
      String value = part.path("text").stringValue();
      if (value != null) {
        text.append(value);
      }
    }
    return text.toString();
  }

  /** The text of an assistant message: its {@code output_text} parts concatenated. */
  static String assistantText(ThreadItem item) {
    StringBuilder text = new StringBuilder();
    for (JsonValue part : content(item)) {
      if ("output_text".equals(part.path("type").stringValue())) {
        String value = part.path("text").stringValue();
        text.append(value == null ? "" : value);
      }
    }
    return text.toString();
  }

  static boolean isPendingClientToolCall(ThreadItem item) {
    return item.type() == ItemType.CLIENT_TOOL_CALL && hasStatus(item, "pending");
  }

  static boolean isPendingStructuredInput(ThreadItem item) {
    return item.type() == ItemType.STRUCTURED_INPUT && hasStatus(item, "pending");
  }

  /** The client tool call completed with the browser's {@code result} (any JSON text). */
  static ThreadItem completedToolCall(ThreadItem call, String result) {
    JsonObject payload = Json.parseObject(call.payload());
    payload.put("status", "completed");
    payload.set("output", Json.parse(result));
    return call.withPayload(Json.write(payload));
  }

  private static boolean hasStatus(ThreadItem item, String status) {
    // A missing status means pending: that is the field's default in the protocol.
    String actual = Json.parseObject(item.payload()).path("status").stringValue();
    return status.equals(actual == null ? "pending" : actual);
  }

  private static JsonValue content(ThreadItem item) {
    JsonValue content = Json.parseObject(item.payload()).get("content");
    return content != null && content.isArray() ? content : Json.array();
  }

  private static JsonObject inferenceOptions(InferenceOptions options) {
    JsonObject node = Json.object();
    if (options.toolChoiceId() != null) {
      node.putObject("tool_choice").put("id", options.toolChoiceId());
    }
    if (options.model() != null) {
      node.put("model", options.model());
    }
    return node;
  }
}
