package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.chatkit.ChatKitJson;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.InferenceOptions;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserContent;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserInput;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds and reads the type-specific JSON of items ({@link ThreadItem#payload()}) the server handles. */
final class ItemPayloads {

  static final String CANCELLED_NOTE =
      "The user cancelled the stream. Stop responding to the prior request.";
  static final String CUT_OFF_NOTE =
      "The previous assistant answer was cut off by an error before it finished, so it is incomplete.";

  private ItemPayloads() {}

  /** A {@code user_message}: content, resolved attachments, quoted text, inference options. */
  static String userMessage(UserInput input, List<ObjectNode> attachments) {
    ObjectNode payload = ChatKitJson.object();
    ArrayNode content = payload.putArray("content");
    for (UserContent part : input.content()) {
      if (part instanceof UserContent.InputText text) {
        content.addObject().put("type", "input_text").put("text", text.text());
      } else if (part instanceof UserContent.InputTag tag) {
        ObjectNode node = content.addObject().put("type", "input_tag").put("id", tag.id()).put("text", tag.text());
        node.set("data", ChatKitJson.readObject(tag.data()));
        if (tag.group() != null) {
          node.put("group", tag.group());
        }
        node.put("interactive", tag.interactive());
      }
    }
    ArrayNode files = payload.putArray("attachments");
    attachments.forEach(files::add);
    if (input.quotedText() != null) {
      payload.put("quoted_text", input.quotedText());
    }
    payload.set("inference_options", inferenceOptions(input.inferenceOptions()));
    return ChatKitJson.write(payload);
  }

  /** The {@code sdk_hidden_context} note that tells the next turn not to resume a stopped one. */
  static String cancelledNote() {
    return ChatKitJson.write(ChatKitJson.object().put("content", CANCELLED_NOTE));
  }

  /** The {@code sdk_hidden_context} note that tells the next turn the answer before it was cut off by an error. */
  static String cutOffNote() {
    return ChatKitJson.write(ChatKitJson.object().put("content", CUT_OFF_NOTE));
  }

  /** The text of a user message: its text parts and tag labels in order. */
  static String userText(ThreadItem item) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content(item)) {
      String value = ChatKitJson.text(part, "text");
      if (value != null) {
        text.append(value);
      }
    }
    return text.toString();
  }

  /** The text of an assistant message: its {@code output_text} parts concatenated. */
  static String assistantText(ThreadItem item) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content(item)) {
      if ("output_text".equals(ChatKitJson.text(part, "type"))) {
        String value = ChatKitJson.text(part, "text");
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
    ObjectNode payload = ChatKitJson.readObject(call.payload());
    payload.put("status", "completed");
    payload.set("output", ChatKitJson.read(result));
    return call.withPayload(ChatKitJson.write(payload));
  }

  private static boolean hasStatus(ThreadItem item, String status) {
    // A missing status means pending: that is the field's default in the protocol.
    String actual = ChatKitJson.text(ChatKitJson.readObject(item.payload()), "status");
    return status.equals(actual == null ? "pending" : actual);
  }

  private static JsonNode content(ThreadItem item) {
    JsonNode content = ChatKitJson.readObject(item.payload()).get("content");
    return content != null && content.isArray() ? content : ChatKitJson.array();
  }

  private static ObjectNode inferenceOptions(InferenceOptions options) {
    ObjectNode node = ChatKitJson.object();
    if (options.toolChoiceId() != null) {
      node.putObject("tool_choice").put("id", options.toolChoiceId());
    }
    if (options.model() != null) {
      node.put("model", options.model());
    }
    return node;
  }
}
