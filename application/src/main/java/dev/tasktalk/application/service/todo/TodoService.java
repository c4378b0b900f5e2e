package dev.tasktalk.application.service.todo;

import dev.tasktalk.application.port.in.todo.AddTodoCommand;
import dev.tasktalk.application.port.in.todo.AddTodoUseCase;
import dev.tasktalk.application.port.in.todo.CompleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.DeleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.application.port.in.todo.ListTodosQuery;
import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.in.todo.TodoPage;
import dev.tasktalk.application.port.in.todo.UpdateTodoCommand;
import dev.tasktalk.application.port.in.todo.UpdateTodoUseCase;
import dev.tasktalk.application.port.in.todo.WatchTodosUseCase;
import dev.tasktalk.application.port.out.events.TodoChanges;
import dev.tasktalk.application.port.out.persistence.TodoPosition;
import dev.tasktalk.application.port.out.persistence.TodoRepository;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.todo.TodoNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The task use cases: thin orchestration over {@link Todo} and the {@link TodoRepository}. Every
 * write, whoever makes it (REST, the assistant's tools, MCP), is announced through {@link
 * TodoChanges} once it is stored, so task lists open on any instance update live.
 */
public final class TodoService
    implements AddTodoUseCase,
        GetTodoUseCase,
        ListTodosUseCase,
        UpdateTodoUseCase,
        CompleteTodoUseCase,
        DeleteTodoUseCase,
        WatchTodosUseCase {

  private final TodoRepository todos;
  private final TodoChanges changes;
  private final Clock clock;

  public TodoService(TodoRepository todos, TodoChanges changes, Clock clock) {
    this.todos = Objects.requireNonNull(todos);
    this.changes = Objects.requireNonNull(changes);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Todo add(AddTodoCommand c) {
    Todo todo =
        Todo.create(
            c.owner(),
            c.title(),
            c.description(),
            c.priority(),
            c.due(),
            c.tags(),
            clock.instant());
    todos.add(todo);
    changes.publish(c.owner());
    return todo;
  }

  @Override
  public Todo get(UserId owner, TodoId id) {
    return todos.find(owner, id).orElseThrow(() -> new TodoNotFoundException(id));
  }

  @Override
  public TodoPage list(ListTodosQuery query) {
    int limit = query.limit() == null ? ListTodosQuery.DEFAULT_LIMIT : query.limit();
    if (limit < 1) {
      throw new InvalidInputException(
          "limit", "limit must be between 1 and " + ListTodosQuery.MAX_LIMIT);
    }
    limit = Math.min(limit, ListTodosQuery.MAX_LIMIT);
    TodoPosition after = query.cursor() == null ? null : TodoCursor.decode(query.cursor());
    List<Todo> found = todos.list(query.owner(), query.filter(), after, limit + 1);
    if (found.size() <= limit) {
      return new TodoPage(found, Optional.empty());
    }
    List<Todo> page = found.subList(0, limit);
    return new TodoPage(page, Optional.of(TodoCursor.encode(TodoPosition.of(page.get(limit - 1)))));
  }

  @Override
  public Todo update(UpdateTodoCommand c) {
    return change(
        c.owner(),
        c.id(),
        todo -> {
          var now = clock.instant();
          c.title().ifPresent(title -> todo.rename(title, now));
          c.description().ifPresent(description -> todo.describe(description, now));
          c.priority()
              .ifPresent(
                  priority -> {
                    if (priority == null) {
                      throw new InvalidInputException(
                          "priority", "priority must be one of low, medium, high");
                    }
                    todo.prioritise(priority, now);
                  });
          c.due().ifPresent(due -> todo.reschedule(due, now));
          c.tags().ifPresent(tags -> todo.retag(tags, now));
          c.completed()
              .ifPresent(
                  done -> {
                    if (done == null) {
                      throw new InvalidInputException(
                          "completed", "completed must be true or false");
                    }
                    if (done) {
                      todo.complete(now);
                    } else {
                      todo.reopen(now);
                    }
                  });
        });
  }

  @Override
  public Todo complete(UserId owner, TodoId id) {
    return change(owner, id, todo -> todo.complete(clock.instant()));
  }

  @Override
  public Todo reopen(UserId owner, TodoId id) {
    return change(owner, id, todo -> todo.reopen(clock.instant()));
  }

  @Override
  public void delete(UserId owner, TodoId id) {
    if (!todos.delete(owner, id)) {
      throw new TodoNotFoundException(id);
    }
    changes.publish(owner);
  }

  @Override
  public TodoChanges.Watch watch(UserId owner, Runnable onChange) {
    return changes.watch(Objects.requireNonNull(owner), Objects.requireNonNull(onChange));
  }

  private Todo change(UserId owner, TodoId id, Consumer<Todo> change) {
    Todo changed = todos.update(owner, id, change).orElseThrow(() -> new TodoNotFoundException(id));
    changes.publish(owner);
    return changed;
  }
}
