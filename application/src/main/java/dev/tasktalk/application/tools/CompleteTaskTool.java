package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.TaskSchemas.required;

import dev.tasktalk.application.port.in.todo.CompleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;

/** {@code complete_task}: marks one of the caller's tasks done. */
final class CompleteTaskTool implements TaskTool {

  private static final ToolSpec SPEC =
      new ToolSpec(
          "complete_task",
          "Mark a task as done. Use it when the user says a task is finished, done or ticked off;"
              + " completing a task that is already done changes nothing. task_id comes from the"
              + " results of list_tasks or search_tasks.",
          ToolJson.write(
              required(
                  TaskSchemas.object(TaskArguments.TASK_ID, TaskSchemas.taskId()),
                  TaskArguments.TASK_ID)),
          ToolJson.write(TaskSchemas.oneTask()),
          false,
          false,
          true);

  private final CompleteTodoUseCase complete;
  private final GetTodoUseCase get;

  CompleteTaskTool(CompleteTodoUseCase complete, GetTodoUseCase get) {
    this.complete = Objects.requireNonNull(complete);
    this.get = Objects.requireNonNull(get);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String action() {
    return "complete task";
  }

  @Override
  public ToolOutcome run(UserId owner, ToolArguments arguments) {
    Todo todo = complete.complete(owner, TaskArguments.taskId(arguments));
    return new ToolOutcome(
        false, TaskJson.one(todo), "Completed task " + Titles.quoted(todo.title()));
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    Todo todo = get.get(owner, TaskArguments.taskId(arguments));
    return new ToolOutcome(
        false, TaskJson.one(todo), "Complete task " + Titles.quoted(todo.title()) + "?");
  }
}
