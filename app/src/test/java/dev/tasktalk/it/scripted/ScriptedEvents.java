package dev.tasktalk.it.scripted;

import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the ChatKit events of one script step: a streamed message, a widget, a title, …. */
final class ScriptedEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ThreadId thread;
  private final Clock clock;

  ScriptedEvents(ThreadId thread, Clock clock) {
    this.thread = thread;
    this.clock = clock;
  }

  /** An assistant message streamed in {@code chunks} deltas, {@code delay} apart. */
  Multi<ThreadEvent> message(String text, int chunks, Duration delay) {
    ThreadItem empty =
        item(
            ItemType.ASSISTANT_MESSAGE,
            JSON.createObjectNode().set("content", JSON.createArrayNode()));
    List<ThreadEvent> events = new ArrayList<>();
    events.add(new ThreadEvent.ItemAdded(empty));
    events.add(update(empty.id(), "assistant_message.content_part.added", part("")));
    for (String delta : split(text, Math.max(1, chunks))) {
      ObjectNode update =
          JSON.createObjectNode()
              .put("type", "assistant_message.content_part.text_delta")
              .put("content_index", 0)
              .put("delta", delta);
      events.add(new ThreadEvent.ItemUpdated(empty.id(), update.toString()));
    }
    events.add(update(empty.id(), "assistant_message.content_part.done", part(text)));
    ArrayNode content = JSON.createArrayNode().add(part(text));
    events.add(
        new ThreadEvent.ItemDone(
            empty.withPayload(JSON.createObjectNode().set("content", content).toString())));
    Multi<ThreadEvent> multi = Multi.createFrom().iterable(events);
    return delay.isZero()
        ? multi
        : multi.onItem().call(e -> Uni.createFrom().voidItem().onItem().delayIt().by(delay));
  }

  /** A finished item of {@code type} with the given payload fields. */
  ThreadEvent done(ItemType type, ObjectNode payload) {
    return new ThreadEvent.ItemDone(item(type, payload));
  }

  ThreadItem item(ItemType type, JsonNode payload) {
    return new ThreadItem(ItemId.generate(type), thread, type, clock.instant(), payload.toString());
  }

  private static ThreadEvent update(ItemId id, String type, ObjectNode content) {
    ObjectNode update = JSON.createObjectNode().put("type", type).put("content_index", 0);
    update.set("content", content);
    return new ThreadEvent.ItemUpdated(id, update.toString());
  }

  private static ObjectNode part(String text) {
    ObjectNode part = JSON.createObjectNode().put("type", "output_text").put("text", text);
    part.set("annotations", JSON.createArrayNode());
    return part;
  }

  private static List<String> split(String text, int chunks) {
    List<String> parts = new ArrayList<>();
    int size = Math.max(1, (int) Math.ceil(text.length() / (double) chunks));
    for (int i = 0; i < text.length(); i += size) {
      parts.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    if (parts.isEmpty()) {
      parts.add("");
    }
    return parts;
  }

  static JsonMapper json() {
    return JSON;
  }
}
