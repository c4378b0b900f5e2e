package dev.tasktalk.adapter.out.llm.offline;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps of a command on one existing task: search for its words (then for their last
 * significant word while nothing matches), pick the single or exactly-titled match (or the one the
 * user chose), call the action tool, and summarise. A task given by id is looked up with {@code
 * get_task} instead. Several matches end in a question listing them; none in saying so.
 */
final class TargetedFlow {

  private final Intent.Targeted intent;
  private final List<ToolStep> steps;

  TargetedFlow(Intent.Targeted intent, List<ToolStep> steps) {
    this.intent = intent;
    this.steps = steps;
  }

  Step next() {
    ToolStep action = NextStep.last(steps, tool());
    if (action != null) {
      return NextStep.reply(summary(known(action.argument("task_id")), action));
    }
    Target target = intent.target();
    if (target.taskId() != null) {
      return lookedUp(target.taskId());
    }
    List<String> queries = target.queries();
    List<ToolStep> searches =
        steps.stream().filter(step -> step.tool().equals("search_tasks")).toList();
    if (searches.isEmpty()) {
      return search(queries.get(0));
    }
    ToolStep search = searches.get(searches.size() - 1);
    if (search.error() != null) {
      return NextStep.reply(OfflineReplies.searchFailed(search.error()));
    }
    List<TaskRef> tasks = TaskRef.many(search.result());
    if (tasks.isEmpty()) {
      return searches.size() < queries.size()
          ? search(queries.get(searches.size()))
          : NextStep.reply(OfflineReplies.notFound(intent, target.query()));
    }
    return choose(tasks, search.argument("query"));
  }

  private Step lookedUp(String taskId) {
    ToolStep lookup = NextStep.last(steps, "get_task");
    if (lookup == null) {
      return NextStep.call("get_task", Json.object().put("task_id", taskId));
    }
    TaskRef task = TaskRef.single(lookup.result());
    if (lookup.error() != null || task == null) {
      return NextStep.reply("I couldn't find a task with id " + taskId + ".");
    }
    return act(task);
  }

  private Step choose(List<TaskRef> tasks, String query) {
    Integer choice = intent.target().choice();
    if (choice != null) {
      int index = choice == -1 ? tasks.size() : choice;
      return index >= 1 && index <= tasks.size()
          ? act(tasks.get(index - 1))
          : NextStep.reply(OfflineReplies.noSuchChoice(choice, intent, query, tasks));
    }
    List<TaskRef> exact =
        tasks.stream()
            .filter(task -> task.title().equalsIgnoreCase(intent.target().query()))
            .toList();
    if (exact.size() == 1) {
      return act(exact.get(0));
    }
    return tasks.size() == 1
        ? act(tasks.get(0))
        : NextStep.reply(OfflineReplies.pick(intent, query, tasks));
  }

  private Step act(TaskRef task) {
    ObjectNode arguments = Json.object().put("task_id", task.id());
    if (intent instanceof Intent.Update update) {
      NextStep.putIfSet(arguments, "title", update.title());
      NextStep.putIfSet(arguments, "priority", update.priority());
      NextStep.putIfSet(arguments, "due", update.due());
    }
    return NextStep.call(tool(), arguments);
  }

  private Step search(String query) {
    String status = intent instanceof Intent.Complete ? "open" : "all";
    return NextStep.call(
        "search_tasks",
        Json.object()
            .put("query", query)
            .put("status", status)
            .put("limit", NextStep.SEARCH_LIMIT));
  }

  /** The task an action was called on, as an earlier search or lookup showed it. */
  private TaskRef known(String taskId) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      ToolStep step = steps.get(i);
      TaskRef single = step.tool().equals("get_task") ? TaskRef.single(step.result()) : null;
      List<TaskRef> candidates = single != null ? List.of(single) : TaskRef.many(step.result());
      for (TaskRef task : candidates) {
        if (task.id().equals(taskId)) {
          return task;
        }
      }
    }
    return new TaskRef(taskId == null ? "" : taskId, "that task", false, null, null);
  }

  private String summary(TaskRef task, ToolStep action) {
    if (intent instanceof Intent.Complete) {
      return OfflineReplies.completed(task, action.result());
    }
    if (intent instanceof Intent.Delete) {
      return OfflineReplies.deleted(task, action.result());
    }
    return OfflineReplies.updated(task, (Intent.Update) intent, action.result());
  }

  private String tool() {
    return intent instanceof Intent.Complete
        ? "complete_task"
        : intent instanceof Intent.Delete ? "delete_task" : "update_task";
  }
}
