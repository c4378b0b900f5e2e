package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.TaskSchemas.required;

import dev.tasktalk.application.port.in.todo.DeleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;
import dev.tasktalk.application.json.JsonObject;

/**
 * {@code delete_task}: deletes one of the caller's tasks. Asking the user first is the callers' part
 * (a confirmation widget in chat, {@code confirm} or elicitation over MCP); here it just deletes.
 */
final class DeleteTaskTool implements TaskTool {

  static final String CONFIRM = "confirm";

  private static final ToolSpec SPEC = new ToolSpec("delete_task",
      "Permanently delete a task. Deletion asks the user for confirmation first: they see the task and"
          + " confirm or cancel, and you are told which. Use it only when the user wants a task gone; to"
          + " mark a task done use complete_task instead. task_id comes from the results of list_tasks or"
          + " search_tasks.",
      ToolJson.write(required(TaskSchemas.object(
          TaskArguments.TASK_ID, TaskSchemas.taskId(),
          CONFIRM, confirm()), TaskArguments.TASK_ID)),
      ToolJson.write(TaskSchemas.deletedTask()), false, true, true);

  private final GetTodoUseCase get;
  private final DeleteTodoUseCase delete;

  DeleteTaskTool(GetTodoUseCase get, DeleteTodoUseCase delete) {
    this.get = Objects.requireNonNull(get);
    this.delete = Objects.requireNonNull(delete);
  }

  private static JsonObject confirm() {
    return ToolJson.object().put("type", "boolean").put("description",
        "Only for MCP clients that cannot ask the user themselves: true when the user has already"
            + " confirmed this deletion. Never set it on your own initiative.");
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
    arguments.bool(CONFIRM);
    TodoId id = TaskArguments.taskId(arguments);
    Todo todo = get.get(owner, id);
    delete.delete(owner, id);
    return new ToolOutcome(false, TaskJson.deleted(todo), "Deleted task " + Titles.quoted(todo.title()));
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    arguments.bool(CONFIRM);
    Todo todo = get.get(owner, TaskArguments.taskId(arguments));
    return new ToolOutcome(false, TaskJson.one(todo), "Delete task " + Titles.quoted(todo.title()) + "?");
  }
}
