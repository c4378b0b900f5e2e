package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code workflow} item that shows a turn's tool calls and handoffs as tasks. It opens with its
 * first task and closes (done, collapsed, with a summary such as "2 tool calls · Urdu specialist")
 * before the answer starts, so it sits above the answer.
 */
final class Workflow {

  private final TurnItems items;
  private ThreadItem item;
  private final List<JsonObject> tasks = new ArrayList<>();
  private int toolCalls;

  Workflow(TurnItems items) {
    this.items = items;
  }

  /**
   * Adds a task, opening the workflow first when needed; the task's index is {@link #lastIndex()}.
   */
  List<ThreadEvent> add(JsonObject task, boolean toolCall) {
    List<ThreadEvent> events = new ArrayList<>();
    if (item == null) {
      item = items.create(ItemType.WORKFLOW, ItemJson.workflow(List.of(), null));
      events.add(new ThreadEvent.ItemAdded(item));
    }
    tasks.add(task);
    if (toolCall) {
      toolCalls++;
    }
    events.add(new ThreadEvent.ItemUpdated(item.id(), ItemJson.taskAdded(tasks.size() - 1, task)));
    return events;
  }

  int lastIndex() {
    return tasks.size() - 1;
  }

  ThreadEvent update(int index, JsonObject task) {
    tasks.set(index, task);
    return new ThreadEvent.ItemUpdated(item.id(), ItemJson.taskUpdated(index, task));
  }

  /**
   * Finishes the open workflow, if any; {@code agent} names who answers when it is not the
   * orchestrator.
   */
  List<ThreadEvent> close(String agent) {
    if (item == null) {
      return List.of();
    }
    List<String> summary = new ArrayList<>();
    if (toolCalls > 0) {
      summary.add(toolCalls + (toolCalls == 1 ? " tool call" : " tool calls"));
    }
    if (agent != null) {
      summary.add(agent);
    }
    if (summary.isEmpty()) {
      summary.add(tasks.size() == 1 ? "1 step" : tasks.size() + " steps");
    }
    ThreadItem done = item.withPayload(ItemJson.workflow(tasks, String.join(" · ", summary)));
    item = null;
    tasks.clear();
    toolCalls = 0;
    return List.of(new ThreadEvent.ItemDone(done));
  }
}
