package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.TodoRepository;

/** Holds the in-memory fake to the same contract as the real repository. */
class InMemoryTodoRepositoryTest extends TodoRepositoryContract {

  private InMemoryTodoRepository repository;

  @Override
  protected TodoRepository repository() {
    return repository;
  }

  @Override
  protected void reset() {
    repository = new InMemoryTodoRepository();
  }
}
