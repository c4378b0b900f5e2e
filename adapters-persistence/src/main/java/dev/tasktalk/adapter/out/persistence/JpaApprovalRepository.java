package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ApprovalRepository} on PostgreSQL by native SQL; every write is one transaction; reads
 * run without one unless the caller has one (no JTA begin/commit, no BEGIN/COMMIT round trips). A
 * decision is one conditional update of a pending row, so of two clicks at the same moment only one
 * finds the approval still pending.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaApprovalRepository implements ApprovalRepository {

  // Selecting from the owner's thread row makes the insert its own ownership check.
  private static final String INSERT =
      "insert into approvals (id, owner, thread_id, item_id, tool_call_id, tool_name, arguments,"
          + " status, created_at) select ?1, t.owner, t.id, ?2, ?3, ?4, cast(?5 as jsonb),"
          + " 'pending', cast(?6 as timestamptz) from threads t where t.id = ?7 and t.owner = ?8";
  private static final String DECIDE =
      "update approvals set status = ?1, decided_at = cast(?2 as timestamptz)"
          + " where id = ?3 and owner = ?4 and status = 'pending'";
  private static final String FIND = ApprovalMapper.SELECT + " where id = ?1 and owner = ?2";
  private static final String PENDING =
      ApprovalMapper.SELECT
          + " where owner = ?1 and thread_id = ?2 and status = 'pending' order by created_at, id";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaApprovalRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaApprovalRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void add(Approval approval) {
    if (!approval.pending() || approval.decidedAt() != null) {
      throw new IllegalArgumentException("an approval is added pending and undecided");
    }
    int rows;
    try {
      rows =
          em.createNativeQuery(INSERT)
              .setParameter(1, approval.id())
              .setParameter(2, approval.widgetItemId().value())
              .setParameter(3, approval.toolCallId())
              .setParameter(4, approval.toolName())
              .setParameter(5, approval.arguments())
              .setParameter(6, Times.utc(approval.createdAt()))
              .setParameter(7, approval.threadId().value())
              .setParameter(8, approval.owner().value())
              .executeUpdate();
    } catch (PersistenceException e) {
      if (SqlErrors.isUniqueViolation(e, "approvals_pk")) {
        throw new IllegalStateException("approval " + approval.id() + " already exists", e);
      }
      throw e;
    }
    if (rows == 0) {
      throw new ThreadNotFoundException(approval.threadId());
    }
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Approval> find(UserId owner, String approvalId) {
    return rows(
            em.createNativeQuery(FIND)
                .setParameter(1, approvalId)
                .setParameter(2, owner.value())
                .getResultList())
        .stream()
        .findFirst();
  }

  @Override
  @Transactional
  public boolean decide(UserId owner, String approvalId, ApprovalStatus decision, Instant at) {
    if (decision == ApprovalStatus.PENDING) {
      throw new IllegalArgumentException("a decision moves an approval out of pending");
    }
    return em.createNativeQuery(DECIDE)
            .setParameter(1, ApprovalMapper.wireName(decision))
            .setParameter(2, Times.utc(at))
            .setParameter(3, approvalId)
            .setParameter(4, owner.value())
            .executeUpdate()
        > 0;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Approval> pending(UserId owner, ThreadId threadId) {
    return rows(
        em.createNativeQuery(PENDING)
            .setParameter(1, owner.value())
            .setParameter(2, threadId.value())
            .getResultList());
  }

  private static List<Approval> rows(List<?> rows) {
    return rows.stream().map(row -> ApprovalMapper.toDomain((Object[]) row)).toList();
  }
}
