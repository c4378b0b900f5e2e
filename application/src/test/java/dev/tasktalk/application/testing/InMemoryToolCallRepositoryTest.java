package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.domain.agent.ToolCallRecord;
import java.util.List;

/**
 * Holds the in-memory fake, made over a chat store, to the same contract as the real repository.
 */
class InMemoryToolCallRepositoryTest extends ToolCallRepositoryContract {

  private InMemoryChatStore store;
  private InMemoryToolCallRepository toolCalls;

  @Override
  protected ChatRepositories repositories() {
    return store.repositories();
  }

  @Override
  protected ToolCallRepository toolCalls() {
    return toolCalls;
  }

  @Override
  protected void reset() {
    store = new InMemoryChatStore();
    toolCalls = new InMemoryToolCallRepository(store);
  }

  @Override
  protected List<ToolCallRecord> storedCalls() {
    return toolCalls.records();
  }
}
