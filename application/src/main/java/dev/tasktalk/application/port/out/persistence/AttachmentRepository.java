package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.user.UserId;
import java.util.Optional;

/** Stores attachments: their description and, once uploaded, their bytes. Scoped to the owner. */
public interface AttachmentRepository {

  /** Inserts or updates the description. */
  void save(Attachment attachment);

  /** Stores the bytes and marks the attachment uploaded, in one transaction; false if missing. */
  boolean storeContent(UserId owner, AttachmentId id, byte[] content);

  Optional<Attachment> find(UserId owner, AttachmentId id);

  Optional<byte[]> content(UserId owner, AttachmentId id);

  boolean delete(UserId owner, AttachmentId id);
}
