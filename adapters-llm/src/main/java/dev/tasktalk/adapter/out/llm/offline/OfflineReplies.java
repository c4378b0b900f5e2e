package dev.tasktalk.adapter.out.llm.offline;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The offline model's short answers once tool results are in, each naming the task(s) concerned.
 */
final class OfflineReplies {

  /** Ends every "which one?" question; a reply to it is read as the choice. */
  static final String PICK_PROMPT = "Reply with its number";

  private static final int NAMED = 10;

  private OfflineReplies() {}

  static String added(Intent.Add add, JsonNode result) {
    String error = Json.error(result);
    if (error != null) {
      return "I couldn't add " + quote(add.title()) + ": " + sentence(error);
    }
    TaskRef task = TaskRef.single(result);
    String title = task == null ? add.title() : task.title();
    String priority = task == null || task.priority() == null ? add.priority() : task.priority();
    String due = task == null || task.due() == null ? add.due() : task.due();
    return "Added "
        + quote(title)
        + (priority == null || priority.equals("medium") ? "" : " (" + priority + " priority)")
        + (due == null ? "" : ", due " + due)
        + ".";
  }

  static String listed(Intent.ListTasks list, JsonNode result) {
    String error = Json.error(result);
    if (error != null) {
      return "I couldn't list your tasks: " + sentence(error);
    }
    List<TaskRef> tasks = TaskRef.many(result);
    int count = TaskRef.count(result, tasks);
    String kind =
        (list.status().equals("all") ? "" : list.status() + " ")
            + (list.priority() == null ? "" : list.priority() + "-priority ");
    String noun =
        (count == 1 ? "task" : "tasks")
            + (list.tag() == null ? "" : " tagged " + quote(list.tag()))
            + (list.dueBefore() == null ? "" : " due before " + list.dueBefore());
    if (count == 0) {
      return "You have no " + kind + noun + ".";
    }
    String many =
        result.path("has_more").asBoolean(false) ? "more than " + count : String.valueOf(count);
    return "You have "
        + many
        + " "
        + kind
        + noun
        + ": "
        + names(tasks, count, list.status().equals("all"))
        + ".";
  }

  static String found(String query, JsonNode result) {
    String error = Json.error(result);
    if (error != null) {
      return searchFailed(error);
    }
    List<TaskRef> tasks = TaskRef.many(result);
    int count = TaskRef.count(result, tasks);
    if (count == 0) {
      return "No tasks match " + quote(query) + ".";
    }
    return count
        + (count == 1 ? " task matches " : " tasks match ")
        + quote(query)
        + ": "
        + names(tasks, count, true)
        + ".";
  }

  static String searchFailed(String error) {
    return "I couldn't search your tasks: " + sentence(error);
  }

  static String completed(TaskRef task, JsonNode result) {
    String error = Json.error(result);
    return error != null
        ? "I couldn't complete " + quote(task.title()) + ": " + sentence(error)
        : "Done: " + quote(titleOf(task.title(), result)) + ".";
  }

  static String deleted(TaskRef task, JsonNode result) {
    String error = Json.error(result);
    if (cancelled(result, error)) {
      return "OK, I kept " + quote(task.title()) + ".";
    }
    return error != null
        ? "I couldn't delete " + quote(task.title()) + ": " + sentence(error)
        : "Deleted " + quote(task.title()) + ".";
  }

  static String updated(TaskRef task, Intent.Update update, JsonNode result) {
    String error = Json.error(result);
    if (error != null) {
      return "I couldn't change " + quote(task.title()) + ": " + sentence(error);
    }
    String renamed = update.title() == null ? null : titleOf(update.title(), result);
    if (renamed != null && update.priority() == null && update.due() == null) {
      return "Renamed " + quote(task.title()) + " to " + quote(renamed) + ".";
    }
    List<String> changes = new ArrayList<>();
    if (renamed != null) {
      changes.add("renamed it to " + quote(renamed));
    }
    if (update.priority() != null) {
      changes.add("priority " + update.priority());
    }
    if (update.due() != null) {
      changes.add("due " + update.due());
    }
    return "Updated " + quote(task.title()) + ": " + String.join(", ", changes) + ".";
  }

  static String notFound(Intent.Targeted intent, String query) {
    return "I couldn't find "
        + (intent instanceof Intent.Complete ? "an open task" : "a task")
        + " matching "
        + quote(query)
        + ".";
  }

  /** Asks which of several matches the user means, numbering them. */
  static String pick(Intent.Targeted intent, String query, List<TaskRef> tasks) {
    StringBuilder text =
        new StringBuilder("Several ")
            .append(intent instanceof Intent.Complete ? "open tasks" : "tasks")
            .append(" match ")
            .append(quote(query))
            .append(':');
    for (int i = 0; i < tasks.size(); i++) {
      TaskRef task = tasks.get(i);
      text.append("\n")
          .append(i + 1)
          .append(". ")
          .append(quote(task.title()))
          .append(task.completed() ? " (done)" : "")
          .append(task.due() == null ? "" : ", due " + task.due());
    }
    return text.append("\nWhich one should I ")
        .append(verb(intent))
        .append("? ")
        .append(PICK_PROMPT)
        .append(" or its title.")
        .toString();
  }

  static String noSuchChoice(
      int choice, Intent.Targeted intent, String query, List<TaskRef> tasks) {
    return "There is no number " + choice + ". " + pick(intent, query, tasks);
  }

  static String toolUnavailable(String tool) {
    return "I can't do that right now: the " + tool + " tool isn't available to me.";
  }

  static String quote(String text) {
    return "‘" + text + "’";
  }

  private static String verb(Intent.Targeted intent) {
    return intent instanceof Intent.Complete
        ? "complete"
        : intent instanceof Intent.Delete ? "delete" : "change";
  }

  private static boolean cancelled(JsonNode result, String error) {
    String status = Json.text(result, "status", "");
    return result.path("cancelled").asBoolean(false)
        || result.path("canceled").asBoolean(false)
        || status.matches("(?i)cancell?ed|rejected|denied|declined")
        || (error != null && error.matches("(?is).*(cancel|declin|reject|denied|not confirmed).*"));
  }

  private static String titleOf(String fallback, JsonNode result) {
    TaskRef task = TaskRef.single(result);
    return task == null ? fallback : task.title();
  }

  /** ‘A’, ‘B’ and ‘C’ (and N more), marking done tasks when asked. */
  private static String names(List<TaskRef> tasks, int count, boolean markDone) {
    List<String> names = new ArrayList<>();
    for (TaskRef task : tasks.subList(0, Math.min(NAMED, tasks.size()))) {
      names.add(quote(task.title()) + (markDone && task.completed() ? " (done)" : ""));
    }
    int more = count - names.size();
    if (more > 0) {
      names.add(more + " more");
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private static String sentence(String error) {
    String text = error.strip();
    return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
  }
}
