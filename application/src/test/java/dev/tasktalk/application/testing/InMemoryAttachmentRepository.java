package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AttachmentRepository} in a map, from {@link InMemoryChatStore#attachments()}. Once
 * bytes are stored, {@code uploaded} and {@code size} describe them, whatever a later save says.
 */
public final class InMemoryAttachmentRepository implements AttachmentRepository {

  private final InMemoryChatStore store;
  private final Map<AttachmentId, Stored> byId = new HashMap<>();

  InMemoryAttachmentRepository(InMemoryChatStore store) {
    this.store = store;
  }

  @Override
  public void save(Attachment attachment) {
    synchronized (store.lock()) {
      Stored old = byId.get(attachment.id());
      if (old == null) {
        byId.put(attachment.id(), new Stored(attachment, null));
      } else if (old.attachment().owner().equals(attachment.owner())) {
        Attachment description =
            old.content() == null ? attachment : attachment.uploadedWith(old.content().length);
        byId.put(attachment.id(), new Stored(description, old.content()));
      }
      // Another owner's id is left alone, as the database's owner-guarded upsert does.
    }
  }

  @Override
  public boolean storeContent(UserId owner, AttachmentId id, byte[] content) {
    synchronized (store.lock()) {
      return mine(owner, id)
          .map(
              old -> {
                byId.put(
                    id, new Stored(old.attachment().uploadedWith(content.length), content.clone()));
                return true;
              })
          .orElse(false);
    }
  }

  @Override
  public Optional<Attachment> find(UserId owner, AttachmentId id) {
    synchronized (store.lock()) {
      return mine(owner, id).map(Stored::attachment);
    }
  }

  @Override
  public Optional<byte[]> content(UserId owner, AttachmentId id) {
    synchronized (store.lock()) {
      return mine(owner, id).map(Stored::content).map(byte[]::clone);
    }
  }

  @Override
  public boolean delete(UserId owner, AttachmentId id) {
    synchronized (store.lock()) {
      return mine(owner, id).map(s -> byId.remove(id) != null).orElse(false);
    }
  }

  void dropThread(UserId owner, ThreadId threadId) {
    byId.values()
        .removeIf(
            s ->
                s.attachment().owner().equals(owner) && threadId.equals(s.attachment().threadId()));
  }

  private Optional<Stored> mine(UserId owner, AttachmentId id) {
    return Optional.ofNullable(byId.get(id)).filter(s -> s.attachment().owner().equals(owner));
  }

  private record Stored(Attachment attachment, byte[] content) {}
}
