package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemNotFoundException;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;

/**
 * Finds the caller's thread or item, or says it is not found (another owner's is not found too).
 */
final class Lookups {

  private final ChatThreadRepository threads;
  private final ThreadItemRepository items;

  Lookups(ChatThreadRepository threads, ThreadItemRepository items) {
    this.threads = threads;
    this.items = items;
  }

  ChatThread thread(UserId owner, ThreadId id) {
    return threads.find(owner, id).orElseThrow(() -> new ThreadNotFoundException(id));
  }

  /** An item of the thread that clients may see; hidden items do not exist as far as they know. */
  ThreadItem visibleItem(UserId owner, ThreadId thread, ItemId id) {
    return items
        .find(owner, thread, id)
        .filter(item -> !item.hidden())
        .orElseThrow(() -> new ItemNotFoundException(id));
  }
}
