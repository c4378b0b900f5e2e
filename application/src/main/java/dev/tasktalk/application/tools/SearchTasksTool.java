package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.TaskSchemas.required;

import dev.tasktalk.application.port.in.todo.ListTodosQuery;
import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.in.todo.TodoPage;
import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;

/** {@code search_tasks}: the caller's tasks whose title or description contains some text. */
final class SearchTasksTool implements TaskTool {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_QUERY = 200;

  private static final ToolSpec SPEC =
      new ToolSpec(
          "search_tasks",
          "Find the user's tasks whose title or description contains the query, ignoring case,"
              + " newest first. Use it when the user names a task by its words (\"the milk one\")"
              + " and you need its id for get_task, update_task, complete_task or delete_task."
              + " Searches done tasks too unless status says otherwise. Returns the matching tasks"
              + " with their ids and titles, and their count.",
          ToolJson.write(
              required(
                  TaskSchemas.object(
                      "query",
                          TaskSchemas.string("Words to look for, e.g. \"milk\".")
                              .put("minLength", 1)
                              .put("maxLength", MAX_QUERY),
                      "status", TaskSchemas.status("open, done, or all (the default)."),
                      "limit", TaskSchemas.limit(DEFAULT_LIMIT)),
                  "query")),
          ToolJson.write(TaskSchemas.taskList()),
          true,
          false,
          true);

  private final ListTodosUseCase list;

  SearchTasksTool(ListTodosUseCase list) {
    this.list = Objects.requireNonNull(list);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String action() {
    return "search tasks";
  }

  @Override
  public ToolOutcome run(UserId owner, ToolArguments arguments) {
    String query = query(arguments);
    TodoFilter.Status status = TaskArguments.status(arguments, TodoFilter.Status.ALL);
    TodoPage page =
        list.list(
            new ListTodosQuery(
                owner,
                new TodoFilter(status, query, null, null, null, null),
                null,
                TaskArguments.limit(arguments, DEFAULT_LIMIT)));
    int count = page.items().size();
    String title =
        count == 0
            ? "No " + Titles.adjective(status) + "tasks match " + Titles.quoted(query)
            : "Found " + Titles.tasks(count, status) + " matching " + Titles.quoted(query);
    return new ToolOutcome(false, TaskJson.page(page), title);
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    String query = query(arguments);
    TaskArguments.status(arguments, TodoFilter.Status.ALL);
    TaskArguments.limit(arguments, DEFAULT_LIMIT);
    return new ToolOutcome(
        false, arguments.json(), "Search tasks for " + Titles.quoted(query) + "?");
  }

  private static String query(ToolArguments arguments) {
    String query = arguments.requiredString("query").strip();
    if (query.isEmpty()) {
      throw new InvalidInputException("query", "query must not be empty");
    }
    if (query.length() > MAX_QUERY) {
      throw new InvalidInputException(
          "query", "query must be at most " + MAX_QUERY + " characters");
    }
    return query;
  }
}
