package dev.tasktalk.application.testing;

import dev.tasktalk.application.testing.InMemoryFeedbackRepository.Feedback;
import java.util.List;

/** Holds the in-memory fake to the same contract as the real repository. */
class InMemoryFeedbackRepositoryTest extends FeedbackRepositoryContract {

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
  protected List<Feedback> storedFeedback() {
    return store.feedback().stored();
  }
}
