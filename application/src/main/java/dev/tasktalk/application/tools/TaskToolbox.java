package dev.tasktalk.application.tools;

import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.port.in.todo.AddTodoUseCase;
import dev.tasktalk.application.port.in.todo.CompleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.DeleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.in.todo.UpdateTodoUseCase;
import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.domain.shared.DomainException;
import dev.tasktalk.domain.shared.NotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seven task tools (add, list, get, update, complete, delete, search) over the todo use cases.
 * Bad arguments and unknown tasks come back as error outcomes the model can act on; every call is
 * recorded.
 */
public final class TaskToolbox implements Toolbox {

  private final Map<String, TaskTool> tools = new LinkedHashMap<>();
  private final Map<String, JsonObject> inputSchemas = new LinkedHashMap<>();
  private final ToolCallRecorder recorder;

  public TaskToolbox(
      AddTodoUseCase add,
      GetTodoUseCase get,
      ListTodosUseCase list,
      UpdateTodoUseCase update,
      CompleteTodoUseCase complete,
      DeleteTodoUseCase delete,
      ToolCallRepository calls,
      Clock clock) {
    register(new AddTaskTool(add));
    register(new ListTasksTool(list));
    register(new GetTaskTool(get));
    register(new UpdateTaskTool(update, get));
    register(new CompleteTaskTool(complete, get));
    register(new DeleteTaskTool(get, delete));
    register(new SearchTasksTool(list));
    this.recorder = new ToolCallRecorder(calls, clock);
  }

  private void register(TaskTool tool) {
    tools.put(tool.spec().name(), tool);
    inputSchemas.put(tool.spec().name(), (JsonObject) ToolJson.read(tool.spec().inputSchema()));
  }

  @Override
  public List<ToolSpec> specs() {
    return tools.values().stream().map(tool -> tool.spec().withAction(tool.action())).toList();
  }

  @Override
  public ToolOutcome call(ToolContext context, String name, String arguments) {
    return recorder.recorded(
        context, name, arguments, () -> attempt(context.owner(), name, arguments, TaskTool::run));
  }

  @Override
  public ToolOutcome describe(ToolContext context, String name, String arguments) {
    return attempt(context.owner(), name, arguments, TaskTool::describe);
  }

  private ToolOutcome attempt(UserId owner, String name, String text, Step step) {
    TaskTool tool = name == null ? null : tools.get(name);
    if (tool == null) {
      return new ToolOutcome(
          true,
          ToolJson.error(
              "unknown tool " + name + "; the tools are " + String.join(", ", tools.keySet())),
          "Couldn't run an unknown tool");
    }
    try {
      return step.apply(tool, owner, ToolArguments.parse(text, inputSchemas.get(name)));
    } catch (NotFoundException e) {
      return notFound(tool, text);
    } catch (DomainException e) {
      return new ToolOutcome(
          true,
          ToolJson.error(e.getMessage()),
          "Couldn't " + tool.action() + ": " + e.getMessage());
    }
  }

  // Only task_id names a task, and it was read successfully before the task turned out to be
  // missing.
  private ToolOutcome notFound(TaskTool tool, String text) {
    String id =
        ToolArguments.parse(text, inputSchemas.get(tool.spec().name()))
            .string(TaskArguments.TASK_ID)
            .map(String::strip)
            .orElse("?");
    return new ToolOutcome(
        true,
        ToolJson.error("no task with id " + id + " (use list_tasks or search_tasks to find ids)"),
        "Couldn't " + tool.action() + ": no such task");
  }

  /** Runs or describes a call. */
  @FunctionalInterface
  private interface Step {
    ToolOutcome apply(TaskTool tool, UserId owner, ToolArguments arguments);
  }
}
