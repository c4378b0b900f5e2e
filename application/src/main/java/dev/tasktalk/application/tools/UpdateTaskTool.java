package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.TaskSchemas.required;

import dev.tasktalk.application.port.in.todo.FieldChange;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.application.port.in.todo.UpdateTodoCommand;
import dev.tasktalk.application.port.in.todo.UpdateTodoUseCase;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code update_task}: changes some fields of one of the caller's tasks, leaving the others alone.
 */
final class UpdateTaskTool implements TaskTool {

  private static final List<String> FIELDS =
      List.of("title", "description", "priority", "due", "tags");

  private static final ToolSpec SPEC =
      new ToolSpec(
          "update_task",
          "Change one or more fields of an existing task; fields you leave out stay as they are."
              + " Send description or due as an empty string to clear it, and tags as the complete"
              + " new list ([] removes all). To mark a task done use complete_task. task_id comes"
              + " from the results of list_tasks or search_tasks.",
          ToolJson.write(
              required(
                  TaskSchemas.object(
                      TaskArguments.TASK_ID,
                      TaskSchemas.taskId(),
                      "title",
                      TaskSchemas.title("New title."),
                      "description",
                      TaskSchemas.description("New notes; an empty string removes them."),
                      "priority",
                      TaskSchemas.priority("New priority."),
                      "due",
                      TaskSchemas.due("New due date, or an empty string for none"),
                      "tags",
                      TaskSchemas.tags("The complete new list of tags, replacing the old one.")),
                  TaskArguments.TASK_ID)),
          ToolJson.write(TaskSchemas.oneTask()),
          false,
          false,
          true);

  private final UpdateTodoUseCase update;
  private final GetTodoUseCase get;

  UpdateTaskTool(UpdateTodoUseCase update, GetTodoUseCase get) {
    this.update = Objects.requireNonNull(update);
    this.get = Objects.requireNonNull(get);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String action() {
    return "update task";
  }

  @Override
  public ToolOutcome run(UserId owner, ToolArguments arguments) {
    Todo todo = update.update(command(owner, arguments));
    return new ToolOutcome(
        false, TaskJson.one(todo), "Updated task " + Titles.quoted(todo.title()));
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    UpdateTodoCommand command = command(owner, arguments);
    Todo todo = get.get(owner, command.id());
    return new ToolOutcome(
        false, TaskJson.one(todo), "Update task " + Titles.quoted(todo.title()) + "?");
  }

  private static UpdateTodoCommand command(UserId owner, ToolArguments arguments) {
    if (FIELDS.stream().noneMatch(arguments::has)) {
      throw new InvalidInputException(
          "arguments", "nothing to change: send at least one of " + String.join(", ", FIELDS));
    }
    return new UpdateTodoCommand(
        owner,
        TaskArguments.taskId(arguments),
        change(arguments.string("title")),
        change(
            arguments.string("description").map(d -> d.isBlank() ? null : d),
            arguments.has("description")),
        change(TaskArguments.priority(arguments)),
        change(TaskArguments.due(arguments, "due"), arguments.has("due")),
        change(arguments.strings("tags")),
        FieldChange.keep());
  }

  private static <T> FieldChange<T> change(Optional<T> value) {
    return value.map(FieldChange::to).orElse(FieldChange.keep());
  }

  /** A value that may be cleared: sent but empty means "set to none". */
  private static <T> FieldChange<T> change(Optional<T> value, boolean sent) {
    return sent ? FieldChange.to(value.orElse(null)) : FieldChange.keep();
  }
}
