package dev.tasktalk.domain.attachment;

import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A file a user uploads to send with a message. It is created (two-phase) before its bytes arrive,
 * so {@code uploaded} tells whether the content is there; {@code threadId} is set once a message
 * uses it. Images get a preview in the chat.
 */
public record Attachment(
    AttachmentId id,
    UserId owner,
    String name,
    String mimeType,
    long size,
    ThreadId threadId,
    boolean uploaded,
    Instant createdAt) {

  public Attachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mimeType, "mimeType");
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
  }

  public boolean image() {
    return mimeType.startsWith("image/");
  }

  public Attachment uploadedWith(long actualSize) {
    return new Attachment(id, owner, name, mimeType, actualSize, threadId, true, createdAt);
  }

  public Attachment inThread(ThreadId thread) {
    return new Attachment(id, owner, name, mimeType, size, thread, uploaded, createdAt);
  }
}
