package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.util.Optional;

/** Stores chat threads, always scoped to their owner; another owner's thread behaves as missing. */
public interface ChatThreadRepository {

  void add(ChatThread thread);

  Optional<ChatThread> find(UserId owner, ThreadId id);

  /** Stores the title and status; false when the owner has no such thread. */
  boolean update(ChatThread thread);

  /**
   * Deletes the thread with everything in it (items, runs, approvals, feedback); false if missing.
   */
  boolean delete(UserId owner, ThreadId id);

  /**
   * A page of the owner's threads by creation time ({@code descending}: newest first), starting
   * strictly after the thread {@code after} (null: from the start).
   *
   * @throws dev.tasktalk.domain.shared.InvalidInputException (field {@code after}) when {@code
   *     after} is not one of the owner's threads
   */
  Page<ChatThread> list(UserId owner, ThreadId after, int limit, boolean descending);
}
