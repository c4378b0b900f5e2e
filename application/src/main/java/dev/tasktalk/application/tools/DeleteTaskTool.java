package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.TaskSchemas.required;

import dev.tasktalk.application.port.in.todo.DeleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;

/**
 * {@code delete_task}: deletes one of the caller's tasks. It is destructive, so asking the user
 * first is the callers' part (a confirmation widget in chat, elicitation or {@code confirm} over
 * MCP); here it just deletes.
 */
final class DeleteTaskTool implements TaskTool {

  private static final ToolSpec SPEC =
      new ToolSpec(
          "delete_task",
          "Permanently delete a task. Deletion asks the user for confirmation first: they see the"
              + " task and confirm or cancel, and you are told which. Use it only when the user"
              + " wants a task gone; to mark a task done use complete_task instead. task_id comes"
              + " from the results of list_tasks or search_tasks.",
          ToolJson.write(
              required(
                  TaskSchemas.object(TaskArguments.TASK_ID, TaskSchemas.taskId()),
                  TaskArguments.TASK_ID)),
          ToolJson.write(TaskSchemas.deletedTask()),
          false,
          true,
          true);

  private final GetTodoUseCase get;
  private final DeleteTodoUseCase delete;

  DeleteTaskTool(GetTodoUseCase get, DeleteTodoUseCase delete) {
    this.get = Objects.requireNonNull(get);
    this.delete = Objects.requireNonNull(delete);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String action() {
    return "delete task";
  }

  @Override
  public ToolOutcome run(UserId owner, ToolArguments arguments) {
    TodoId id = TaskArguments.taskId(arguments);
    Todo todo = get.get(owner, id);
    delete.delete(owner, id);
    return new ToolOutcome(
        false, TaskJson.deleted(todo), "Deleted task " + Titles.quoted(todo.title()));
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    Todo todo = get.get(owner, TaskArguments.taskId(arguments));
    return new ToolOutcome(
        false, TaskJson.one(todo), "Delete task " + Titles.quoted(todo.title()) + "?");
  }
}
