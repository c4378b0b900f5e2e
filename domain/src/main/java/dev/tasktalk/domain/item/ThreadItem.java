package dev.tasktalk.domain.item;

import dev.tasktalk.domain.thread.ThreadId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of a thread: a user or assistant message, a widget, a workflow, a hidden note, ….
 *
 * <p>{@code payload} is the JSON object of the item's type-specific fields exactly as ChatKit
 * defines them (for a user message: {@code content}, {@code attachments}, {@code quoted_text}, …),
 * without the common {@code id}, {@code thread_id}, {@code created_at} and {@code type}. The server
 * stores it as it is and only the ChatKit codec interprets it, so new client-side item fields
 * survive untouched.
 */
public record ThreadItem(
    ItemId id, ThreadId threadId, ItemType type, Instant createdAt, String payload) {

  public ThreadItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(payload, "payload");
    // The database keeps microseconds; truncating here makes stored and returned items equal.
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
  }

  public ThreadItem withPayload(String newPayload) {
    return new ThreadItem(id, threadId, type, createdAt, newPayload);
  }

  public boolean hidden() {
    return type.hidden();
  }
}
