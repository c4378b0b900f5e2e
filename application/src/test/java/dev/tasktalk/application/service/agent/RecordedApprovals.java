package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.application.testing.InMemoryApprovalRepository;
import dev.tasktalk.application.testing.InMemoryChatStore;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shared in-memory approvals, remembering what was added so tests can read every approval back.
 */
final class RecordedApprovals implements ApprovalRepository {

  private final InMemoryApprovalRepository approvals;
  private final List<Approval> added = new CopyOnWriteArrayList<>();

  RecordedApprovals(InMemoryChatStore store) {
    this.approvals = new InMemoryApprovalRepository(store);
  }

  @Override
  public void add(Approval approval) {
    approvals.add(approval);
    added.add(approval);
  }

  @Override
  public Optional<Approval> find(UserId owner, String approvalId) {
    return approvals.find(owner, approvalId);
  }

  @Override
  public boolean decide(UserId owner, String approvalId, ApprovalStatus decision, Instant at) {
    return approvals.decide(owner, approvalId, decision, at);
  }

  @Override
  public List<Approval> pending(UserId owner, ThreadId threadId) {
    return approvals.pending(owner, threadId);
  }

  /** Every approval added, as it stands now, oldest first. */
  List<Approval> all() {
    return added.stream()
        .map(approval -> approvals.find(approval.owner(), approval.id()).orElseThrow())
        .toList();
  }
}
