package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.thread.ChatThread;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The ChatKit {@code ThreadStreamEvent} JSON for each {@link ThreadEvent} (protocol §3.1). */
final class EventJson {

  private final ChatKitCodec codec;

  EventJson(ChatKitCodec codec) {
    this.codec = codec;
  }

  ObjectNode node(ThreadEvent event) {
    if (event instanceof ThreadEvent.ThreadCreated e) {
      return withThread("thread.created", e.thread());
    } else if (event instanceof ThreadEvent.ThreadUpdated e) {
      return withThread("thread.updated", e.thread());
    } else if (event instanceof ThreadEvent.ItemAdded e) {
      return typed("thread.item.added").set("item", codec.itemNode(e.item()));
    } else if (event instanceof ThreadEvent.ItemUpdated e) {
      ObjectNode node = typed("thread.item.updated").put("item_id", e.itemId().value());
      // Re-encoded rather than copied as text: a newline in the responder's JSON would break SSE
      // framing.
      return node.set("update", WireJson.readObject(e.update()));
    } else if (event instanceof ThreadEvent.ItemDone e) {
      return typed("thread.item.done").set("item", codec.itemNode(e.item()));
    } else if (event instanceof ThreadEvent.ItemRemoved e) {
      return typed("thread.item.removed").put("item_id", e.itemId().value());
    } else if (event instanceof ThreadEvent.ItemReplaced e) {
      return typed("thread.item.replaced").set("item", codec.itemNode(e.item()));
    } else if (event instanceof ThreadEvent.StreamOptions e) {
      ObjectNode node = typed("stream_options");
      node.putObject("stream_options").put("allow_cancel", e.allowCancel());
      return node;
    } else if (event instanceof ThreadEvent.ProgressUpdate e) {
      return optional(optional(typed("progress_update"), "icon", e.icon()), "text", e.text());
    } else if (event instanceof ThreadEvent.ClientEffect e) {
      ObjectNode node = typed("client_effect").put("name", e.name());
      return node.set("data", e.data() == null ? WireJson.object() : WireJson.readObject(e.data()));
    } else if (event instanceof ThreadEvent.Notice e) {
      ObjectNode node = typed("notice").put("level", e.level()).put("message", e.message());
      return optional(node, "title", e.title());
    } else if (event instanceof ThreadEvent.Error e) {
      ObjectNode node = optional(typed("error").put("code", e.code()), "message", e.message());
      return node.put("allow_retry", e.allowRetry());
    } else if (event instanceof ThreadEvent.TitleChanged) {
      throw new IllegalArgumentException(
          "TitleChanged is a request to the pipeline, which stores the title and emits"
              + " thread.updated");
    }
    throw new IllegalArgumentException("unknown event " + event.getClass().getName());
  }

  private ObjectNode withThread(String type, ChatThread thread) {
    JsonNode rendered = codec.threadNode(thread, new Page<>(List.of(), false));
    return typed(type).set("thread", rendered);
  }

  private static ObjectNode typed(String type) {
    return WireJson.object().put("type", type);
  }

  private static ObjectNode optional(ObjectNode node, String field, String value) {
    return value == null ? node : node.put(field, value);
  }
}
