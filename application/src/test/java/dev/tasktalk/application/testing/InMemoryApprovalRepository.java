package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ApprovalRepository} in a map over an {@link InMemoryChatStore}: like the database it
 * takes approvals only in the owner's threads and lets a pending approval be decided once. The
 * store does not know it, so deleting a thread leaves its approvals here.
 */
public final class InMemoryApprovalRepository implements ApprovalRepository {

  // Ties on the creation time are broken by id, as the database's (created_at, id) order does.
  private static final Comparator<Approval> OLDEST_FIRST =
      Comparator.comparing(Approval::createdAt).thenComparing(Approval::id);

  private final InMemoryChatStore store;
  private final Map<String, Approval> byId = new LinkedHashMap<>();

  public InMemoryApprovalRepository(InMemoryChatStore store) {
    this.store = store;
  }

  @Override
  public void add(Approval approval) {
    if (!approval.pending() || approval.decidedAt() != null) {
      throw new IllegalArgumentException("an approval is added pending and undecided");
    }
    synchronized (store.lock()) {
      if (!store.threads().owns(approval.owner(), approval.threadId())) {
        throw new ThreadNotFoundException(approval.threadId());
      }
      if (byId.containsKey(approval.id())) {
        throw new IllegalStateException("approval " + approval.id() + " already exists");
      }
      byId.put(approval.id(), approval);
    }
  }

  @Override
  public Optional<Approval> find(UserId owner, String approvalId) {
    synchronized (store.lock()) {
      return Optional.ofNullable(byId.get(approvalId)).filter(a -> a.owner().equals(owner));
    }
  }

  @Override
  public boolean decide(UserId owner, String approvalId, ApprovalStatus decision, Instant at) {
    if (decision == ApprovalStatus.PENDING) {
      throw new IllegalArgumentException("a decision moves an approval out of pending");
    }
    synchronized (store.lock()) {
      Optional<Approval> found = find(owner, approvalId).filter(Approval::pending);
      found.ifPresent(
          a ->
              byId.put(
                  a.id(),
                  new Approval(
                      a.id(),
                      a.owner(),
                      a.threadId(),
                      a.widgetItemId(),
                      a.toolCallId(),
                      a.toolName(),
                      a.arguments(),
                      decision,
                      a.createdAt(),
                      at)));
      return found.isPresent();
    }
  }

  @Override
  public List<Approval> pending(UserId owner, ThreadId threadId) {
    synchronized (store.lock()) {
      return byId.values().stream()
          .filter(a -> a.owner().equals(owner) && a.threadId().equals(threadId) && a.pending())
          .sorted(OLDEST_FIRST)
          .toList();
    }
  }
}
