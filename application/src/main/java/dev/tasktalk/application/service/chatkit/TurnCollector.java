package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase.ToolCall;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a finished response stream for the plain chat API: the thread it happened in, the
 * assistant's text, the tool calls shown as workflow tasks, and the error that ended it if any.
 */
final class TurnCollector {

  private String threadId;
  private final List<String> answers = new ArrayList<>();
  private final Map<ItemId, ThreadItem> workflows = new LinkedHashMap<>();
  private ThreadEvent.Error error;

  void accept(ThreadEvent event) {
    if (event instanceof ThreadEvent.ThreadCreated e) {
      threadId = e.thread().id().value();
    } else if (event instanceof ThreadEvent.ItemDone e) {
      item(e.item());
    } else if (event instanceof ThreadEvent.ItemReplaced e) {
      item(e.item());
    } else if (event instanceof ThreadEvent.Error e) {
      error = e;
    }
  }

  Optional<String> threadId() {
    return Optional.ofNullable(threadId);
  }

  Optional<ThreadEvent.Error> error() {
    return Optional.ofNullable(error);
  }

  String text() {
    return String.join("\n\n", answers);
  }

  /**
   * Each workflow task as a tool call. Tasks are ChatKit tasks ({@code custom}: title, status
   * indicator); a {@code name} or {@code arguments} member, when the responder adds one, is used
   * too.
   */
  List<ToolCall> toolCalls() {
    List<ToolCall> calls = new ArrayList<>();
    for (ThreadItem workflow : workflows.values()) {
      JsonValue tasks = Json.parseObject(workflow.payload()).path("workflow").path("tasks");
      for (JsonValue task : tasks) {
        String title = task.path("title").stringValue();
        String name = task.path("name").stringValue();
        JsonValue arguments = task.path("arguments");
        String status = task.path("status_indicator").stringValue();
        calls.add(
            new ToolCall(
                name != null ? name : title,
                arguments.isMissing()
                    ? null
                    : arguments.isString() ? arguments.stringValue() : Json.write(arguments),
                title,
                status == null ? "none" : status));
      }
    }
    return calls;
  }

  private void item(ThreadItem item) {
    if (item.type() == ItemType.ASSISTANT_MESSAGE) {
      String text = ItemPayloads.assistantText(item);
      if (!text.isBlank()) {
        answers.add(text);
      }
    } else if (item.type() == ItemType.WORKFLOW) {
      workflows.put(item.id(), item);
    }
  }
}
