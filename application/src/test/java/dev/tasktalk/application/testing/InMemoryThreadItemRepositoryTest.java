package dev.tasktalk.application.testing;

/** Holds the in-memory fake to the same contract as the real repository. */
class InMemoryThreadItemRepositoryTest extends ThreadItemRepositoryContract {

  private InMemoryChatStore store;

  @Override
  protected ChatRepositories repositories() {
    return store.repositories();
  }

  @Override
  protected void reset() {
    store = new InMemoryChatStore();
  }
}
