package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Stores thread items in insertion order. The order is a database sequence, not a timestamp, so
 * pages never skip or repeat an item in either direction. Every method is scoped to the owner.
 */
public interface ThreadItemRepository {

  /** Appends a new item at the end of its thread. */
  void add(UserId owner, ThreadItem item);

  /** Replaces a stored item (same id) keeping its place, or appends it when it is new. */
  void save(UserId owner, ThreadItem item);

  Optional<ThreadItem> find(UserId owner, ThreadId threadId, ItemId itemId);

  boolean delete(UserId owner, ThreadId threadId, ItemId itemId);

  /** Deletes every item stored after {@code itemId} in its thread; returns how many. */
  int deleteAfter(UserId owner, ThreadId threadId, ItemId itemId);

  /**
   * A page of the thread's items, hidden ones included, in insertion order ({@code descending}:
   * newest first), starting strictly after {@code after} (null: from the start).
   *
   * @throws dev.tasktalk.domain.shared.InvalidInputException (field {@code after}) when {@code
   *     after} is not an item of this thread
   */
  Page<ThreadItem> list(
      UserId owner, ThreadId threadId, ItemId after, int limit, boolean descending);

  /** The newest {@code count} items of the thread, oldest first. */
  List<ThreadItem> latest(UserId owner, ThreadId threadId, int count);
}
