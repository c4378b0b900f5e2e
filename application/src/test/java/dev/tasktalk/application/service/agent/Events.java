package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;

/**
 * Short names of events, for asserting on a turn's sequence: "added:workflow",
 * "update:workflow.task.added", ….
 */
final class Events {

  private Events() {}

  static List<String> kinds(List<ThreadEvent> events) {
    return events.stream().map(Events::kind).toList();
  }

  static String kind(ThreadEvent event) {
    if (event instanceof ThreadEvent.ItemAdded e) {
      return "added:" + e.item().type().wireName();
    } else if (event instanceof ThreadEvent.ItemUpdated e) {
      return "update:" + Json.parseObject(e.update()).path("type").asString("");
    } else if (event instanceof ThreadEvent.ItemDone e) {
      return "done:" + e.item().type().wireName();
    } else if (event instanceof ThreadEvent.ItemReplaced e) {
      return "replaced:" + e.item().type().wireName();
    } else if (event instanceof ThreadEvent.TitleChanged e) {
      return "title:" + e.title();
    } else if (event instanceof ThreadEvent.Notice e) {
      return "notice:" + e.message();
    }
    return event.getClass().getSimpleName();
  }

  static List<ThreadItem> done(List<ThreadEvent> events, ItemType type) {
    return events.stream()
        .filter(ThreadEvent.ItemDone.class::isInstance)
        .map(e -> ((ThreadEvent.ItemDone) e).item())
        .filter(item -> item.type() == type)
        .toList();
  }

  static List<JsonValue> updates(List<ThreadEvent> events) {
    return events.stream()
        .filter(ThreadEvent.ItemUpdated.class::isInstance)
        .map(e -> (JsonValue) Json.parseObject(((ThreadEvent.ItemUpdated) e).update()))
        .toList();
  }

  static JsonValue payload(ThreadItem item) {
    return Json.parseObject(item.payload());
  }
}
