package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.ApprovalRepository;

/** Holds the in-memory fake to the same contract as the real repository. */
class InMemoryApprovalRepositoryTest extends ApprovalRepositoryContract {

  private InMemoryChatStore store;
  private InMemoryApprovalRepository approvals;

  @Override
  protected ChatRepositories repositories() {
    return store.repositories();
  }

  @Override
  protected ApprovalRepository approvals() {
    return approvals;
  }

  @Override
  protected void reset() {
    store = new InMemoryChatStore();
    approvals = new InMemoryApprovalRepository(store);
  }
}
