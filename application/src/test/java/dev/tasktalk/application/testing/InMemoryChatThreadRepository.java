package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ChatThreadRepository} in a map, from {@link InMemoryChatStore#threads()}; deleting a
 * thread also deletes what the other fakes of the store hold for it.
 */
public final class InMemoryChatThreadRepository implements ChatThreadRepository {

  // Ties on the creation time are broken by id, as the database's (created_at, id) order does.
  private static final Comparator<ChatThread> OLDEST_FIRST =
      Comparator.comparing(ChatThread::createdAt).thenComparing(t -> t.id().value());

  private final InMemoryChatStore store;
  private final Map<ThreadId, ChatThread> byId = new HashMap<>();

  InMemoryChatThreadRepository(InMemoryChatStore store) {
    this.store = store;
  }

  @Override
  public void add(ChatThread thread) {
    synchronized (store.lock()) {
      if (byId.containsKey(thread.id())) {
        throw new IllegalStateException("thread " + thread.id() + " already exists");
      }
      byId.put(thread.id(), thread.copy());
    }
  }

  @Override
  public Optional<ChatThread> find(UserId owner, ThreadId id) {
    synchronized (store.lock()) {
      return mine(owner, id).map(ChatThread::copy);
    }
  }

  @Override
  public boolean update(ChatThread thread) {
    synchronized (store.lock()) {
      if (mine(thread.owner(), thread.id()).isEmpty()) {
        return false;
      }
      byId.put(thread.id(), thread.copy());
      return true;
    }
  }

  @Override
  public boolean delete(UserId owner, ThreadId id) {
    synchronized (store.lock()) {
      if (mine(owner, id).isEmpty()) {
        return false;
      }
      byId.remove(id);
      store.items().dropThread(id);
      store.runs().dropThread(id);
      store.feedback().dropThread(id);
      store.attachments().dropThread(owner, id);
      return true;
    }
  }

  @Override
  public Page<ChatThread> list(UserId owner, ThreadId after, int limit, boolean descending) {
    Comparator<ChatThread> order = descending ? OLDEST_FIRST.reversed() : OLDEST_FIRST;
    synchronized (store.lock()) {
      ChatThread anchor =
          after == null
              ? null
              : mine(owner, after)
                  .orElseThrow(
                      () ->
                          new InvalidInputException(
                              "after", "no thread " + after + " to continue after"));
      return Pages.first(
          byId.values().stream()
              .filter(t -> t.owner().equals(owner))
              .filter(t -> anchor == null || order.compare(t, anchor) > 0)
              .sorted(order)
              .map(ChatThread::copy)
              .toList(),
          limit);
    }
  }

  /** Whether the owner has this thread; what the database's foreign keys and owner checks ask. */
  boolean owns(UserId owner, ThreadId id) {
    synchronized (store.lock()) {
      return mine(owner, id).isPresent();
    }
  }

  private Optional<ChatThread> mine(UserId owner, ThreadId id) {
    return Optional.ofNullable(byId.get(id)).filter(t -> t.owner().equals(owner));
  }
}
