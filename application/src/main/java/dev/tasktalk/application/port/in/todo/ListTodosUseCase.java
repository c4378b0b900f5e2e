package dev.tasktalk.application.port.in.todo;

/** Lists the owner's tasks, filtered and paged. */
public interface ListTodosUseCase {

  TodoPage list(ListTodosQuery query);
}
