package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.TaskSchemas.required;

import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;

/** {@code get_task}: reads one of the caller's tasks with all its details. */
final class GetTaskTool implements TaskTool {

  private static final ToolSpec SPEC =
      new ToolSpec(
          "get_task",
          "Read one task with all its details (description, priority, due date, tags, completion)."
              + " Use it when you need more than list_tasks or search_tasks showed. task_id comes"
              + " from the results of list_tasks, search_tasks or add_task.",
          ToolJson.write(
              required(
                  TaskSchemas.object(TaskArguments.TASK_ID, TaskSchemas.taskId()),
                  TaskArguments.TASK_ID)),
          ToolJson.write(TaskSchemas.oneTask()),
          true,
          false,
          true);

  private final GetTodoUseCase get;

  GetTaskTool(GetTodoUseCase get) {
    this.get = Objects.requireNonNull(get);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String action() {
    return "read task";
  }

  @Override
  public ToolOutcome run(UserId owner, ToolArguments arguments) {
    Todo todo = get.get(owner, TaskArguments.taskId(arguments));
    return new ToolOutcome(false, TaskJson.one(todo), "Read task " + Titles.quoted(todo.title()));
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    Todo todo = get.get(owner, TaskArguments.taskId(arguments));
    return new ToolOutcome(
        false, TaskJson.one(todo), "Read task " + Titles.quoted(todo.title()) + "?");
  }
}
