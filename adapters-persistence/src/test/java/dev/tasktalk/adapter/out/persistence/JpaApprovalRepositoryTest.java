package dev.tasktalk.adapter.out.persistence;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.application.testing.ApprovalRepositoryContract;
import dev.tasktalk.application.testing.ChatRepositories;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.thread.ChatThread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds the JPA repository to the approval contract on PostgreSQL, plus the thread's cascade. */
class JpaApprovalRepositoryTest extends ApprovalRepositoryContract {

  private static ChatTestDatabase database;
  private static ApprovalRepository approvals;

  @BeforeAll
  static void startDatabase() {
    database = ChatTestDatabase.shared();
    approvals =
        TransactionPerCall.wrap(
            ApprovalRepository.class,
            database.database().entityManagerFactory(),
            JpaApprovalRepository::new);
  }

  @Override
  protected ChatRepositories repositories() {
    return database.repositories();
  }

  @Override
  protected ApprovalRepository approvals() {
    return approvals;
  }

  @Override
  protected void reset() {
    database.truncate();
  }

  @Test
  void givenADeletedThread_itsApprovals_areGone() {
    ChatThread thread = addThread(ALICE);
    Approval approval = add(anApproval(ALICE, thread, T0));

    repositories().threads().delete(ALICE, thread.id());

    assertThat(approvals.find(ALICE, approval.id())).isEmpty();
    assertThat(approvals.pending(ALICE, thread.id())).isEmpty();
  }
}
