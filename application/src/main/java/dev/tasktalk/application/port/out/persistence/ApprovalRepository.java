package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores pending confirmations of destructive tool calls, so they survive restarts. Owner-scoped.
 */
public interface ApprovalRepository {

  void add(Approval approval);

  Optional<Approval> find(UserId owner, String approvalId);

  /**
   * Moves a pending approval to {@code decision}; false when it is not the owner's or no longer
   * pending (so two clicks cannot both run the tool).
   */
  boolean decide(UserId owner, String approvalId, ApprovalStatus decision, Instant at);

  /** The thread's approvals still waiting for a decision, oldest first. */
  List<Approval> pending(UserId owner, ThreadId threadId);
}
