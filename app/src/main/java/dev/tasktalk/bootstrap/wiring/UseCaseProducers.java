package dev.tasktalk.bootstrap.wiring;

import dev.tasktalk.application.port.in.todo.AddTodoUseCase;
import dev.tasktalk.application.port.in.todo.CompleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.DeleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.in.todo.UpdateTodoUseCase;
import dev.tasktalk.application.port.in.todo.WatchTodosUseCase;
import dev.tasktalk.application.port.out.events.TodoChanges;
import dev.tasktalk.application.port.out.persistence.TodoRepository;
import dev.tasktalk.application.service.todo.TodoService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Makes the plain-Java services CDI beans. Each producer returns a use-case interface, which is
 * always proxyable, so the services themselves stay free of CDI.
 */
@ApplicationScoped
public class UseCaseProducers {

  @Inject TodoRepository todoRepository;
  @Inject TodoChanges todoChanges;
  @Inject Clock clock;

  private TodoService todos;

  @PostConstruct
  void init() {
    todos = new TodoService(todoRepository, todoChanges, clock);
  }

  @Produces
  @ApplicationScoped
  AddTodoUseCase addTodo() {
    return todos;
  }

  @Produces
  @ApplicationScoped
  GetTodoUseCase getTodo() {
    return todos;
  }

  @Produces
  @ApplicationScoped
  ListTodosUseCase listTodos() {
    return todos;
  }

  @Produces
  @ApplicationScoped
  UpdateTodoUseCase updateTodo() {
    return todos;
  }

  @Produces
  @ApplicationScoped
  CompleteTodoUseCase completeTodo() {
    return todos;
  }

  @Produces
  @ApplicationScoped
  DeleteTodoUseCase deleteTodo() {
    return todos;
  }

  @Produces
  @ApplicationScoped
  WatchTodosUseCase watchTodos() {
    return todos;
  }
}
