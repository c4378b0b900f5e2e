package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The {@link AttachmentRepository} on PostgreSQL, bytes in a {@code bytea} column; every write is
 * one transaction, reads need none. Once the bytes are stored, {@code uploaded} and {@code size}
 * describe them, so a save from a description read before the upload cannot undo it.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaAttachmentRepository implements AttachmentRepository {

  // One statement, so two saves of a new attachment cannot both try to insert it; the where clause
  // leaves another owner's row with the same id untouched.
  private static final String UPSERT =
      "insert into attachments (id, owner, name, mime_type, size, thread_id, uploaded, created_at)"
          + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as varchar), ?7, cast(?8 as timestamptz)) on"
          + " conflict (id) do update set name = excluded.name, mime_type = excluded.mime_type,"
          + " thread_id = excluded.thread_id, created_at = excluded.created_at, size = case when"
          + " attachments.content is null then excluded.size else attachments.size end, uploaded ="
          + " attachments.content is not null or excluded.uploaded where attachments.owner ="
          + " excluded.owner";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaAttachmentRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaAttachmentRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void save(Attachment attachment) {
    em.createNativeQuery(UPSERT)
        .setParameter(1, attachment.id().value())
        .setParameter(2, attachment.owner().value())
        .setParameter(3, attachment.name())
        .setParameter(4, attachment.mimeType())
        .setParameter(5, attachment.size())
        .setParameter(6, attachment.threadId() == null ? null : attachment.threadId().value())
        .setParameter(7, attachment.uploaded())
        .setParameter(8, Times.utc(attachment.createdAt()))
        .executeUpdate();
  }

  @Override
  @Transactional
  public boolean storeContent(UserId owner, AttachmentId id, byte[] content) {
    return em.createNativeQuery(
                "update attachments set content = ?1, size = ?2, uploaded = true where owner = ?3"
                    + " and id = ?4")
            .setParameter(1, content)
            .setParameter(2, (long) content.length)
            .setParameter(3, owner.value())
            .setParameter(4, id.value())
            .executeUpdate()
        > 0;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Attachment> find(UserId owner, AttachmentId id) {
    return em.createQuery(
            "select a from AttachmentEntity a where a.owner = :owner and a.id = :id",
            AttachmentEntity.class)
        .setParameter("owner", owner.value())
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst()
        .map(JpaAttachmentRepository::toDomain);
  }

  @Override
  @Transactional
  public Optional<byte[]> content(UserId owner, AttachmentId id) {
    return em.createNativeQuery(
            "select content from attachments where owner = ?1 and id = ?2 and content is not null")
        .setParameter(1, owner.value())
        .setParameter(2, id.value())
        .getResultStream()
        .findFirst()
        .map(byte[].class::cast);
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, AttachmentId id) {
    return em.createQuery("delete from AttachmentEntity a where a.owner = :owner and a.id = :id")
            .setParameter("owner", owner.value())
            .setParameter("id", id.value())
            .executeUpdate()
        > 0;
  }

  private static Attachment toDomain(AttachmentEntity e) {
    return new Attachment(
        new AttachmentId(e.id()),
        new UserId(e.owner()),
        e.name(),
        e.mimeType(),
        e.size(),
        e.threadId() == null ? null : new ThreadId(e.threadId()),
        e.uploaded(),
        e.createdAt().toInstant());
  }
}
