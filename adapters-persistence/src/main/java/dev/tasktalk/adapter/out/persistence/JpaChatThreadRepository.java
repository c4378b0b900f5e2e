package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ChatThreadRepository} on PostgreSQL through JPA; every write is one transaction; reads
 * run without one unless the caller has one (no JTA begin/commit, no BEGIN/COMMIT round trips).
 * Deleting a thread also deletes its attachments; the database cascades everything else.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaChatThreadRepository implements ChatThreadRepository {

  private static final String COLUMNS =
      "id, owner, title, status, status_reason, created_at, updated_at";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaChatThreadRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaChatThreadRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void add(ChatThread thread) {
    em.persist(ChatThreadMapper.toEntity(thread));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChatThread> find(UserId owner, ThreadId id) {
    return em.createQuery(
            "select t from ChatThreadEntity t where t.owner = :owner and t.id = :id",
            ChatThreadEntity.class)
        .setParameter("owner", owner.value())
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst()
        .map(ChatThreadMapper::toDomain);
  }

  @Override
  @Transactional
  public boolean update(ChatThread thread) {
    // updated_at is bookkeeping the domain does not hold, so the database's clock sets it.
    return em.createQuery(
                "update ChatThreadEntity t set t.title = :title, t.status = :status,"
                    + " t.statusReason = :reason, t.updatedAt = CURRENT_TIMESTAMP"
                    + " where t.owner = :owner and t.id = :id")
            .setParameter("title", thread.title().orElse(null))
            .setParameter("status", ChatThreadMapper.status(thread.status()))
            .setParameter("reason", thread.status().reason())
            .setParameter("owner", thread.owner().value())
            .setParameter("id", thread.id().value())
            .executeUpdate()
        > 0;
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, ThreadId id) {
    boolean deleted =
        em.createQuery("delete from ChatThreadEntity t where t.owner = :owner and t.id = :id")
                .setParameter("owner", owner.value())
                .setParameter("id", id.value())
                .executeUpdate()
            > 0;
    if (deleted) {
      // No foreign key does this: an attachment is created before the thread that will use it.
      em.createQuery("delete from AttachmentEntity a where a.owner = :owner and a.threadId = :id")
          .setParameter("owner", owner.value())
          .setParameter("id", id.value())
          .executeUpdate();
    }
    return deleted;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ChatThread> list(UserId owner, ThreadId after, int limit, boolean descending) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    String direction = descending ? "desc" : "asc";
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from threads where owner = ?1");
    if (after != null) {
      // A row comparison, so PostgreSQL reads the (owner, created_at, id) index from the anchor on.
      sql.append(" and (created_at, id) ")
          .append(descending ? "<" : ">")
          .append(" (cast(?2 as timestamptz), cast(?3 as varchar))");
    }
    sql.append(" order by created_at ")
        .append(direction)
        .append(", id ")
        .append(direction)
        .append(" limit ")
        .append((long) limit + 1);
    Query query =
        em.createNativeQuery(sql.toString(), ChatThreadEntity.class).setParameter(1, owner.value());
    if (after != null) {
      query.setParameter(2, anchor(owner, after)).setParameter(3, after.value());
    }
    @SuppressWarnings("unchecked")
    List<ChatThreadEntity> rows = query.getResultList();
    return new Page<>(
        rows.stream().limit(limit).map(ChatThreadMapper::toDomain).toList(), rows.size() > limit);
  }

  private OffsetDateTime anchor(UserId owner, ThreadId after) {
    return em.createQuery(
            "select t.createdAt from ChatThreadEntity t where t.owner = :owner and t.id = :id",
            OffsetDateTime.class)
        .setParameter("owner", owner.value())
        .setParameter("id", after.value())
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new InvalidInputException("after", "no thread " + after + " to continue after"));
  }
}
