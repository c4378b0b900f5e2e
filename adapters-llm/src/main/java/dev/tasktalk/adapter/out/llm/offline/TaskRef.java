package dev.tasktalk.adapter.out.llm.offline;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The fields of a task, as a tool result shows it, that the offline model talks about. */
record TaskRef(String id, String title, boolean completed, String due, String priority) {

  static TaskRef from(JsonNode task) {
    return new TaskRef(
        Json.text(task, "id", ""),
        Json.text(task, "title", "(untitled)"),
        task.path("completed").asBoolean(false),
        Json.text(task, "due", null),
        Json.text(task, "priority", null));
  }

  /** The task of a single-task result ({@code {"task":{…}}}), or null. */
  static TaskRef single(JsonNode result) {
    JsonNode task = result.path("task");
    return task.isObject() ? from(task) : null;
  }

  /** The tasks of a listing result ({@code {"tasks":[…],"count":n}}, or a bare array). */
  static List<TaskRef> many(JsonNode result) {
    JsonNode tasks = result.isArray() ? result : result.path("tasks");
    List<TaskRef> refs = new ArrayList<>();
    for (JsonNode task : tasks) {
      if (task.isObject()) {
        refs.add(from(task));
      }
    }
    return refs;
  }

  /** How many tasks matched in all: the result's {@code count}, or at least those listed. */
  static int count(JsonNode result, List<TaskRef> listed) {
    int count = result.path("count").asInt(listed.size());
    return Math.max(count, listed.size());
  }
}
