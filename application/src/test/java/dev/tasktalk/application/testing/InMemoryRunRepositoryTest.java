package dev.tasktalk.application.testing;

import dev.tasktalk.domain.run.Run;
import java.util.Optional;
import java.util.UUID;

/** Holds the in-memory fake to the same contract as the real repository. */
class InMemoryRunRepositoryTest extends RunRepositoryContract {

  private InMemoryChatStore store;

  @Override
  protected ChatRepositories repositories() {
    return store.repositories();
  }

  @Override
  protected void reset() {
    store = new InMemoryChatStore();
  }

  @Override
  protected Optional<Run> storedRun(UUID id) {
    return store.runs().find(id);
  }
}
