package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The {@link FeedbackRepository} on PostgreSQL by native SQL; each call is one transaction. */
@ApplicationScoped
@TranslatesOutages
public class JpaFeedbackRepository implements FeedbackRepository {

  private static final Set<String> KINDS = Set.of("positive", "negative");

  // Selecting from the owner's thread row makes the insert its own ownership check.
  private static final String INSERT =
      "insert into feedback (owner, thread_id, item_ids, kind, created_at)"
          + " select t.owner, t.id, cast(?1 as text[]), ?2, cast(?3 as timestamptz) from threads t"
          + " where t.id = ?4 and t.owner = ?5";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaFeedbackRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaFeedbackRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void add(UserId owner, ThreadId threadId, List<ItemId> items, String kind, Instant at) {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("feedback kind must be positive or negative: " + kind);
    }
    int rows =
        em.createNativeQuery(INSERT)
            .setParameter(1, items.stream().map(ItemId::value).toArray(String[]::new))
            .setParameter(2, kind)
            .setParameter(3, Times.utc(at))
            .setParameter(4, threadId.value())
            .setParameter(5, owner.value())
            .executeUpdate();
    if (rows == 0) {
      throw new ThreadNotFoundException(threadId);
    }
  }
}
