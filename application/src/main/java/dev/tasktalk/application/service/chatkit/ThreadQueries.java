package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.GetThread;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.ListItems;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.ListThreads;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import java.util.function.Supplier;

/**
 * The reading requests: a thread with its first page of items, the thread list and item pages.
 * Hidden items are dropped after pagination (by the endpoint), so cursors behave exactly as the
 * reference's.
 */
final class ThreadQueries {

  /** {@code threads.get_by_id} shows the oldest items first, as the reference does. */
  static final int FIRST_PAGE = 20;

  private final Lookups lookups;
  private final ChatThreadRepository threads;
  private final ThreadItemRepository items;

  ThreadQueries(Lookups lookups, ChatThreadRepository threads, ThreadItemRepository items) {
    this.lookups = lookups;
    this.threads = threads;
    this.items = items;
  }

  ChatKitResult get(UserId owner, GetThread request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    return new ChatKitResult.ThreadResult(
        thread, items.list(owner, thread.id(), null, FIRST_PAGE, false));
  }

  ChatKitResult threads(UserId owner, ListThreads request) {
    return new ChatKitResult.ThreadPage(
        cursor(() -> threads.list(owner, request.after(), request.limit(), request.descending())));
  }

  ChatKitResult items(UserId owner, ListItems request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    return new ChatKitResult.ItemPage(
        cursor(
            () ->
                items.list(
                    owner, thread.id(), request.after(), request.limit(), request.descending())));
  }

  private static <T> T cursor(Supplier<T> page) {
    try {
      return page.get();
    } catch (InvalidInputException e) {
      // The repositories name the cursor "after"; the client sent it as params.after.
      throw new InvalidInputException("params.after", e.getMessage());
    }
  }
}
