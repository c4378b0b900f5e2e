package dev.tasktalk.application.testing;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadStatus;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;

/**
 * Threads, items and attachments as a repository would hold them, with the times and ids tests
 * choose, and a semantic JSON comparison: {@code jsonb} keeps the meaning of a payload, not its
 * spelling.
 */
public final class ChatFixtures {

  /** A fixed time with all six microsecond digits, the precision the database stores. */
  public static final Instant T0 = Instant.parse("2026-03-01T09:15:30.123456Z");

  private ChatFixtures() {}

  public static ChatThread aThread(UserId owner, Instant createdAt) {
    return ChatThread.restore(ThreadId.generate(), owner, createdAt, null, ThreadStatus.ACTIVE);
  }

  /** A user message saying {@code text}, which must need no JSON escaping. */
  public static ThreadItem aMessage(ThreadId thread, Instant createdAt, String text) {
    return new ThreadItem(
        ItemId.generate(ItemType.USER_MESSAGE),
        thread,
        ItemType.USER_MESSAGE,
        createdAt,
        "{\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}],\"attachments\":[]}");
  }

  /** A described, not yet uploaded, file of the owner in no thread. */
  public static Attachment anAttachment(UserId owner) {
    return new Attachment(
        AttachmentId.generate(), owner, "notes.pdf", "application/pdf", 1234, null, false, T0);
  }

  /** The JSON text as a tree, whose equality ignores key order and white space. */
  public static JsonValue json(String text) {
    return Json.parse(text);
  }
}
