package dev.tasktalk.adapter.out.llm.offline;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides the offline model's next step from what the user asked and the tool results of this turn:
 * a first tool call, a follow-up call (search, then complete / delete / update the one match), or
 * the closing answer.
 */
final class NextStep {

  static final int SEARCH_LIMIT = 10;

  private NextStep() {}

  static Step decide(Intent intent, List<ToolStep> steps) {
    if (intent instanceof Intent.Add add) {
      return last(steps, "add_task") == null
          ? call("add_task", addArguments(add))
          : reply(OfflineReplies.added(add, last(steps, "add_task").result()));
    }
    if (intent instanceof Intent.ListTasks list) {
      return last(steps, "list_tasks") == null
          ? call("list_tasks", listArguments(list))
          : reply(OfflineReplies.listed(list, last(steps, "list_tasks").result()));
    }
    if (intent instanceof Intent.Search search) {
      return last(steps, "search_tasks") == null
          ? call(
              "search_tasks", Json.object().put("query", search.query()).put("limit", SEARCH_LIMIT))
          : reply(OfflineReplies.found(search.query(), last(steps, "search_tasks").result()));
    }
    if (intent instanceof Intent.Targeted targeted) {
      return new TargetedFlow(targeted, steps).next();
    }
    if (intent instanceof Intent.Say say) {
      return reply(say.text());
    }
    return reply(HelpReplies.english());
  }

  static ToolStep last(List<ToolStep> steps, String tool) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).tool().equals(tool)) {
        return steps.get(i);
      }
    }
    return null;
  }

  static Step call(String tool, ObjectNode arguments) {
    return new Step.Call(tool, arguments);
  }

  static Step reply(String text) {
    return new Step.Reply(text);
  }

  private static ObjectNode addArguments(Intent.Add add) {
    ObjectNode arguments = Json.object().put("title", add.title());
    putIfSet(arguments, "description", add.description());
    putIfSet(arguments, "priority", add.priority());
    putIfSet(arguments, "due", add.due());
    if (!add.tags().isEmpty()) {
      add.tags().forEach(arguments.putArray("tags")::add);
    }
    return arguments;
  }

  private static ObjectNode listArguments(Intent.ListTasks list) {
    ObjectNode arguments = Json.object().put("status", list.status().toLowerCase(Locale.ROOT));
    putIfSet(arguments, "priority", list.priority());
    putIfSet(arguments, "tag", list.tag());
    putIfSet(arguments, "due_before", list.dueBefore());
    return arguments;
  }

  static void putIfSet(ObjectNode arguments, String name, String value) {
    if (value != null) {
      arguments.put(name, value);
    }
  }
}
