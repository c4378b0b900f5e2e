package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ThreadItemRepository} on PostgreSQL; every write is one transaction; reads run without
 * one unless the caller has one (no JTA begin/commit, no BEGIN/COMMIT round trips). Items are
 * written by native SQL (the payload needs a {@code jsonb} cast) and read through JPA, in the order
 * of the {@code seq} column the database assigns.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaThreadItemRepository implements ThreadItemRepository {

  // Selecting the values from the owner's thread row makes the insert its own ownership check:
  // another owner's (or a missing) thread yields no row to insert.
  private static final String INSERT =
      "insert into thread_items (thread_id, id, owner, type, created_at,"
          + " payload) select t.id, ?1, t.owner, ?2, cast(?3 as timestamptz), cast(?4 as jsonb)"
          + " from threads t where t.id = ?5 and t.owner = ?6";
  // Every item of a thread has the thread's owner, so the ownership check above also guards the
  // update.
  private static final String UPSERT =
      INSERT
          + " on conflict (thread_id, id) do update set"
          + " type = excluded.type, created_at = excluded.created_at, payload = excluded.payload";
  private static final String DELETE_AFTER =
      "delete from thread_items where thread_id = ?1 and owner = ?2 and seq > (select a.seq from"
          + " thread_items a where a.thread_id = ?1 and a.owner = ?2 and a.id = ?3)";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaThreadItemRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaThreadItemRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void add(UserId owner, ThreadItem item) {
    try {
      write(INSERT, owner, item);
    } catch (PersistenceException e) {
      if (SqlErrors.isUniqueViolation(e, "thread_items_pk")) {
        throw new IllegalStateException(
            "item " + item.id() + " already exists in " + item.threadId(), e);
      }
      throw e;
    }
  }

  @Override
  @Transactional
  public void save(UserId owner, ThreadItem item) {
    write(UPSERT, owner, item);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ThreadItem> find(UserId owner, ThreadId threadId, ItemId itemId) {
    return em.createQuery(
            "select i from ThreadItemEntity i"
                + " where i.owner = :owner and i.threadId = :thread and i.id = :id",
            ThreadItemEntity.class)
        .setParameter("owner", owner.value())
        .setParameter("thread", threadId.value())
        .setParameter("id", itemId.value())
        .getResultStream()
        .findFirst()
        .map(ThreadItemMapper::toDomain);
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, ThreadId threadId, ItemId itemId) {
    return em.createQuery(
                "delete from ThreadItemEntity i"
                    + " where i.owner = :owner and i.threadId = :thread and i.id = :id")
            .setParameter("owner", owner.value())
            .setParameter("thread", threadId.value())
            .setParameter("id", itemId.value())
            .executeUpdate()
        > 0;
  }

  @Override
  @Transactional
  public int deleteAfter(UserId owner, ThreadId threadId, ItemId itemId) {
    return em.createNativeQuery(DELETE_AFTER)
        .setParameter(1, threadId.value())
        .setParameter(2, owner.value())
        .setParameter(3, itemId.value())
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ThreadItem> list(
      UserId owner, ThreadId threadId, ItemId after, int limit, boolean descending) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    Long anchor =
        after == null
            ? null
            : seqOf(owner, threadId, after)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "after", "no item " + after + " to continue after"));
    String jpql =
        "select i from ThreadItemEntity i where i.owner = :owner and i.threadId = :thread"
            + (anchor == null ? "" : descending ? " and i.seq < :anchor" : " and i.seq > :anchor")
            + " order by i.seq "
            + (descending ? "desc" : "asc");
    TypedQuery<ThreadItemEntity> query =
        em.createQuery(jpql, ThreadItemEntity.class)
            .setParameter("owner", owner.value())
            .setParameter("thread", threadId.value())
            .setMaxResults(limit == Integer.MAX_VALUE ? limit : limit + 1);
    if (anchor != null) {
      query.setParameter("anchor", anchor);
    }
    List<ThreadItemEntity> rows = query.getResultList();
    return new Page<>(
        rows.stream().limit(limit).map(ThreadItemMapper::toDomain).toList(), rows.size() > limit);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ThreadItem> latest(UserId owner, ThreadId threadId, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (count == 0) {
      return List.of(); // setMaxResults(0) would mean "no limit" to the provider
    }
    List<ThreadItem> newestFirst =
        new ArrayList<>(
            em.createQuery(
                    "select i from ThreadItemEntity i"
                        + " where i.owner = :owner and i.threadId = :thread order by i.seq desc",
                    ThreadItemEntity.class)
                .setParameter("owner", owner.value())
                .setParameter("thread", threadId.value())
                .setMaxResults(count)
                .getResultStream()
                .map(ThreadItemMapper::toDomain)
                .toList());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  private void write(String sql, UserId owner, ThreadItem item) {
    int rows =
        em.createNativeQuery(sql)
            .setParameter(1, item.id().value())
            .setParameter(2, item.type().wireName())
            .setParameter(3, Times.utc(item.createdAt()))
            .setParameter(4, item.payload())
            .setParameter(5, item.threadId().value())
            .setParameter(6, owner.value())
            .executeUpdate();
    if (rows == 0) {
      throw new ThreadNotFoundException(item.threadId());
    }
  }

  private Optional<Long> seqOf(UserId owner, ThreadId threadId, ItemId itemId) {
    return em.createQuery(
            "select i.seq from ThreadItemEntity i"
                + " where i.owner = :owner and i.threadId = :thread and i.id = :id",
            Long.class)
        .setParameter("owner", owner.value())
        .setParameter("thread", threadId.value())
        .setParameter("id", itemId.value())
        .getResultStream()
        .findFirst();
  }
}
