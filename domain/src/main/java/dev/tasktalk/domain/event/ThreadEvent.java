package dev.tasktalk.domain.event;

import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;

/**
 * What happens in a thread while a response streams, one record per ChatKit stream event.
 * JSON-valued members ({@code update}, {@code data}) hold the ChatKit JSON text for parts the
 * server passes through.
 */
public sealed interface ThreadEvent {

  /** A new thread exists (only for the first message of a chat). */
  record ThreadCreated(ChatThread thread) implements ThreadEvent {}

  /** The thread's title or status changed. */
  record ThreadUpdated(ChatThread thread) implements ThreadEvent {}

  /** A responder asks for a new title; the pipeline stores it and emits {@link ThreadUpdated}. */
  record TitleChanged(String title) implements ThreadEvent {}

  /** An item starts streaming; it is not stored until {@link ItemDone}. */
  record ItemAdded(ThreadItem item) implements ThreadEvent {}

  /**
   * A change to a streaming item: {@code update} is a ChatKit {@code ThreadItemUpdate} JSON object.
   */
  record ItemUpdated(ItemId itemId, String update) implements ThreadEvent {}

  /** An item is complete and stored. */
  record ItemDone(ThreadItem item) implements ThreadEvent {}

  /** An item was deleted. */
  record ItemRemoved(ItemId itemId) implements ThreadEvent {}

  /** An item was replaced wholesale and stored. */
  record ItemReplaced(ThreadItem item) implements ThreadEvent {}

  /** Whether the client may stop this stream (shows the Stop button). */
  record StreamOptions(boolean allowCancel) implements ThreadEvent {}

  /** A transient status line. */
  record ProgressUpdate(String icon, String text) implements ThreadEvent {}

  /** A fire-and-forget instruction for the client page; {@code data} is a JSON object. */
  record ClientEffect(String name, String data) implements ThreadEvent {}

  /** A user-facing notice. */
  record Notice(String level, String message, String title) implements ThreadEvent {}

  /**
   * The response failed; {@code code} is {@code stream.error} or {@code custom} (with a message).
   */
  record Error(String code, String message, boolean allowRetry) implements ThreadEvent {

    public static Error custom(String message, boolean allowRetry) {
      return new Error("custom", message, allowRetry);
    }

    public static Error streamError(boolean allowRetry) {
      return new Error("stream.error", null, allowRetry);
    }
  }
}
