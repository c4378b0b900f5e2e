package dev.tasktalk.application.tools;

import dev.tasktalk.application.port.in.todo.ListTodosQuery;
import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.in.todo.TodoPage;
import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.user.UserId;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code list_tasks}: the caller's tasks, newest first, filtered by status, priority, tag and due
 * date.
 */
final class ListTasksTool implements TaskTool {

  static final int DEFAULT_LIMIT = 25;

  private static final ToolSpec SPEC =
      new ToolSpec(
          "list_tasks",
          "List the user's tasks, newest first: open ones unless status says otherwise, optionally"
              + " only those with a priority, a tag or a due date in a range. Use it to see what is"
              + " on the list and to find the ids that get_task, update_task, complete_task and"
              + " delete_task need. Returns the tasks with their ids and titles, their count, and"
              + " has_more when more tasks match than limit.",
          ToolJson.write(
              TaskSchemas.object(
                  "status", TaskSchemas.status("open (the default), done, or all."),
                  "priority", TaskSchemas.priority("Only tasks with this priority."),
                  "tag", TaskSchemas.string("Only tasks with this tag."),
                  "due_before", TaskSchemas.due("Only tasks due before this"),
                  "due_after", TaskSchemas.due("Only tasks due after this"),
                  "limit", TaskSchemas.limit(DEFAULT_LIMIT))),
          ToolJson.write(TaskSchemas.taskList()),
          true,
          false,
          true);

  private final ListTodosUseCase list;

  ListTasksTool(ListTodosUseCase list) {
    this.list = Objects.requireNonNull(list);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String action() {
    return "list tasks";
  }

  @Override
  public ToolOutcome run(UserId owner, ToolArguments arguments) {
    TodoFilter filter = filter(arguments);
    TodoPage page =
        list.list(
            new ListTodosQuery(owner, filter, null, TaskArguments.limit(arguments, DEFAULT_LIMIT)));
    int count = page.items().size();
    String title =
        count == 0
            ? "No " + Titles.adjective(filter.status()) + "tasks"
            : "Listed " + Titles.tasks(count, filter.status());
    return new ToolOutcome(false, TaskJson.page(page), title);
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    TodoFilter filter = filter(arguments);
    TaskArguments.limit(arguments, DEFAULT_LIMIT);
    return new ToolOutcome(
        false, arguments.json(), "List " + Titles.adjective(filter.status()) + "tasks?");
  }

  private static TodoFilter filter(ToolArguments arguments) {
    return new TodoFilter(
        TaskArguments.status(arguments, TodoFilter.Status.OPEN),
        null,
        TaskArguments.priority(arguments).orElse(null),
        TaskArguments.due(arguments, "due_before").map(Due::at).orElse(null),
        TaskArguments.due(arguments, "due_after").map(Due::at).orElse(null),
        arguments
            .string("tag")
            .filter(t -> !t.isBlank())
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .orElse(null));
  }
}
