package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.TaskSchemas.required;

import dev.tasktalk.application.port.in.todo.AddTodoCommand;
import dev.tasktalk.application.port.in.todo.AddTodoUseCase;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** {@code add_task}: adds a task to the caller's list. */
final class AddTaskTool implements TaskTool {

  private static final ToolSpec SPEC =
      new ToolSpec(
          "add_task",
          "Add a new task to the user's todo list. Use it when the user asks to add, create, note"
              + " or remember something to do. Only title is required; set description, priority,"
              + " due and tags only when the user gives them. Returns the new task with its id.",
          ToolJson.write(
              required(
                  TaskSchemas.object(
                      "title", TaskSchemas.title("Short title of the task, e.g. \"Buy milk\"."),
                      "description",
                          TaskSchemas.description("Optional longer notes about the task."),
                      "priority",
                          TaskSchemas.priority("How urgent the task is; medium when left out."),
                      "due", TaskSchemas.due("When the task is due"),
                      "tags",
                          TaskSchemas.tags(
                              "Optional short labels, e.g. [\"shopping\"]; stored in lower case.")),
                  "title")),
          ToolJson.write(TaskSchemas.oneTask()),
          false,
          false,
          false);

  private final AddTodoUseCase add;

  AddTaskTool(AddTodoUseCase add) {
    this.add = Objects.requireNonNull(add);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String action() {
    return "add task";
  }

  @Override
  public ToolOutcome run(UserId owner, ToolArguments arguments) {
    Todo todo = add.add(command(owner, arguments));
    return new ToolOutcome(false, TaskJson.one(todo), "Added task " + Titles.quoted(todo.title()));
  }

  @Override
  public ToolOutcome describe(UserId owner, ToolArguments arguments) {
    AddTodoCommand command = command(owner, arguments);
    return new ToolOutcome(
        false, arguments.json(), "Add task " + Titles.quoted(command.title().strip()) + "?");
  }

  private static AddTodoCommand command(UserId owner, ToolArguments arguments) {
    return new AddTodoCommand(
        owner,
        arguments.requiredString("title"),
        arguments.string("description").orElse(null),
        TaskArguments.priority(arguments).orElse(null),
        TaskArguments.due(arguments, "due").orElse(null),
        arguments.strings("tags").orElse(List.of()));
  }
}
