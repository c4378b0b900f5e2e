package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Action;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Type;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.shared.Ids;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a ChatKit request body ({@code {"type":…,"params":{…},"metadata":{…}}}) into a {@link
 * ChatKitRequest}. Unknown fields are ignored everywhere, since the evergreen client may add some;
 * every refusal is an {@link InvalidInputException} naming the field ({@code body}, {@code type},
 * {@code params.input.content}, …). Malformed ids are refused as not found, as the domain ids do.
 */
public final class ChatKitRequestParser {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_FEEDBACK_ITEMS = 100;

  private ChatKitRequestParser() {}

  public static ChatKitRequest parse(String json) {
    ObjectNode body = WireJson.readRequest(json);
    RequestFields root = new RequestFields(body, "");
    JsonNode typeNode = body.get("type");
    if (typeNode == null || !typeNode.isString()) {
      throw new InvalidInputException("type", "type is required and must be a string");
    }
    Type type =
        Type.fromWire(typeNode.stringValue())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "type", "unknown request type " + typeNode.stringValue()));
    // The reference parser requires params even when every field in it is optional.
    return parse(type, root.object("params"));
  }

  private static ChatKitRequest parse(Type type, RequestFields params) {
    return switch (type) {
      case GET_THREAD -> new ChatKitRequest.GetThread(threadId(params));
      case CREATE_THREAD ->
          new ChatKitRequest.CreateThread(UserInputParser.parse(params.object("input")));
      case LIST_THREADS ->
          new ChatKitRequest.ListThreads(
              limit(params), descending(params), cursor(params, ThreadId::new));
      case ADD_USER_MESSAGE ->
          new ChatKitRequest.AddUserMessage(
              threadId(params), UserInputParser.parse(params.object("input")));
      case ADD_CLIENT_TOOL_OUTPUT ->
          new ChatKitRequest.AddClientToolOutput(threadId(params), result(params));
      case ADD_STRUCTURED_INPUT ->
          new ChatKitRequest.AddStructuredInput(
              threadId(params),
              itemId(params),
              StructuredAnswersParser.parse(params.object("input")));
      case RETRY_AFTER_ITEM -> new ChatKitRequest.RetryAfterItem(threadId(params), itemId(params));
      case CUSTOM_ACTION ->
          new ChatKitRequest.CustomAction(threadId(params), senderId(params), action(params));
      case SYNC_CUSTOM_ACTION ->
          new ChatKitRequest.SyncCustomAction(threadId(params), senderId(params), action(params));
      case UPDATE_THREAD -> new ChatKitRequest.UpdateThread(threadId(params), title(params));
      case DELETE_THREAD -> new ChatKitRequest.DeleteThread(threadId(params));
      case LIST_ITEMS ->
          new ChatKitRequest.ListItems(
              threadId(params), limit(params), descending(params), cursor(params, ItemId::new));
      case FEEDBACK ->
          new ChatKitRequest.Feedback(
              threadId(params), feedbackItems(params), feedbackKind(params));
      case CREATE_ATTACHMENT -> createAttachment(params);
      case DELETE_ATTACHMENT ->
          new ChatKitRequest.DeleteAttachment(AttachmentId.parse(params.string("attachment_id")));
      case TRANSCRIBE ->
          new ChatKitRequest.Transcribe(
              params.nonBlank("audio_base64"), params.nonBlank("mime_type"));
    };
  }

  private static ThreadId threadId(RequestFields params) {
    return ThreadId.parse(params.string("thread_id"));
  }

  private static ItemId itemId(RequestFields params) {
    return ItemId.parse(params.string("item_id"));
  }

  private static Optional<ItemId> senderId(RequestFields params) {
    return Optional.ofNullable(params.optionalString("item_id")).map(ItemId::parse);
  }

  private static int limit(RequestFields params) {
    Long limit = params.optionalLong("limit");
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1) {
      throw params.invalid("limit", "must be at least 1");
    }
    return (int) Math.min(limit, MAX_LIMIT);
  }

  private static boolean descending(RequestFields params) {
    String order = params.optionalString("order");
    if (order == null || order.equals("desc")) {
      return true;
    }
    if (order.equals("asc")) {
      return false;
    }
    throw params.invalid("order", "must be asc or desc");
  }

  private static <T> T cursor(RequestFields params, Function<String, T> id) {
    String after = params.optionalString("after");
    if (after == null) {
      return null;
    }
    if (!Ids.isValid(after)) {
      throw params.invalid("after", "is not a valid cursor");
    }
    return id.apply(after);
  }

  private static String result(RequestFields params) {
    // Any JSON value is a valid tool result, even null, but the member itself must be sent.
    JsonNode result = params.node().get("result");
    if (result == null) {
      throw params.invalid("result", "is required");
    }
    return WireJson.write(result);
  }

  private static Action action(RequestFields params) {
    RequestFields action = params.object("action");
    JsonNode payload = action.node().get("payload");
    return new Action(action.nonBlank("type"), payload == null ? "null" : WireJson.write(payload));
  }

  private static String title(RequestFields params) {
    String title = params.string("title").strip();
    if (title.length() > ChatThread.MAX_TITLE) {
      throw params.invalid("title", "must be at most " + ChatThread.MAX_TITLE + " characters");
    }
    return title;
  }

  private static List<ItemId> feedbackItems(RequestFields params) {
    List<RequestFields> ids = params.array("item_ids");
    if (ids.isEmpty() || ids.size() > MAX_FEEDBACK_ITEMS) {
      throw params.invalid("item_ids", "must name 1 to " + MAX_FEEDBACK_ITEMS + " items");
    }
    Set<ItemId> unique = new LinkedHashSet<>();
    ids.forEach(id -> unique.add(ItemId.parse(id.asString())));
    return List.copyOf(unique);
  }

  private static String feedbackKind(RequestFields params) {
    String kind = params.string("kind");
    if (!kind.equals("positive") && !kind.equals("negative")) {
      throw params.invalid("kind", "must be positive or negative");
    }
    return kind;
  }

  private static ChatKitRequest createAttachment(RequestFields params) {
    Long size = params.optionalLong("size");
    if (size == null) {
      throw params.invalid("size", "is required");
    }
    return new ChatKitRequest.CreateAttachment(
        params.string("name"), size, params.string("mime_type"));
  }
}
