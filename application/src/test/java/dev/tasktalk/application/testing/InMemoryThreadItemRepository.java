package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ThreadItemRepository} in a map, from {@link InMemoryChatStore#items()}. A counter stands
 * in for the database sequence, so the order is insertion order whatever the items' timestamps.
 */
public final class InMemoryThreadItemRepository implements ThreadItemRepository {

  private static final Comparator<Stored> BY_SEQ = Comparator.comparingLong(Stored::seq);

  private final InMemoryChatStore store;
  private final Map<Key, Stored> byKey = new HashMap<>();
  private long nextSeq = 1;

  InMemoryThreadItemRepository(InMemoryChatStore store) {
    this.store = store;
  }

  @Override
  public void add(UserId owner, ThreadItem item) {
    synchronized (store.lock()) {
      requireThread(owner, item.threadId());
      Key key = new Key(item.threadId(), item.id());
      if (byKey.containsKey(key)) {
        throw new IllegalStateException(
            "item " + item.id() + " already exists in " + item.threadId());
      }
      byKey.put(key, new Stored(nextSeq++, owner, item));
    }
  }

  @Override
  public void save(UserId owner, ThreadItem item) {
    synchronized (store.lock()) {
      requireThread(owner, item.threadId());
      Key key = new Key(item.threadId(), item.id());
      Stored old = byKey.get(key);
      byKey.put(key, new Stored(old == null ? nextSeq++ : old.seq(), owner, item));
    }
  }

  @Override
  public Optional<ThreadItem> find(UserId owner, ThreadId threadId, ItemId itemId) {
    synchronized (store.lock()) {
      return stored(owner, threadId, itemId).map(Stored::item);
    }
  }

  @Override
  public boolean delete(UserId owner, ThreadId threadId, ItemId itemId) {
    synchronized (store.lock()) {
      return stored(owner, threadId, itemId)
          .map(s -> byKey.remove(new Key(threadId, itemId)) != null)
          .orElse(false);
    }
  }

  @Override
  public int deleteAfter(UserId owner, ThreadId threadId, ItemId itemId) {
    synchronized (store.lock()) {
      Optional<Stored> anchor = stored(owner, threadId, itemId);
      if (anchor.isEmpty()) {
        return 0;
      }
      List<Key> later =
          inThread(owner, threadId).stream()
              .filter(s -> s.seq() > anchor.get().seq())
              .map(s -> new Key(threadId, s.item().id()))
              .toList();
      later.forEach(byKey::remove);
      return later.size();
    }
  }

  @Override
  public Page<ThreadItem> list(
      UserId owner, ThreadId threadId, ItemId after, int limit, boolean descending) {
    Comparator<Stored> order = descending ? BY_SEQ.reversed() : BY_SEQ;
    synchronized (store.lock()) {
      Stored anchor =
          after == null
              ? null
              : stored(owner, threadId, after)
                  .orElseThrow(
                      () ->
                          new InvalidInputException(
                              "after", "no item " + after + " to continue after"));
      return Pages.first(
          inThread(owner, threadId).stream()
              .filter(s -> anchor == null || order.compare(s, anchor) > 0)
              .sorted(order)
              .map(Stored::item)
              .toList(),
          limit);
    }
  }

  @Override
  public List<ThreadItem> latest(UserId owner, ThreadId threadId, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    synchronized (store.lock()) {
      List<ThreadItem> all =
          inThread(owner, threadId).stream().sorted(BY_SEQ).map(Stored::item).toList();
      return new ArrayList<>(all.subList(Math.max(0, all.size() - count), all.size()));
    }
  }

  void dropThread(ThreadId threadId) {
    byKey.keySet().removeIf(key -> key.threadId().equals(threadId));
  }

  private void requireThread(UserId owner, ThreadId threadId) {
    if (!store.threads().owns(owner, threadId)) {
      throw new ThreadNotFoundException(threadId);
    }
  }

  private Optional<Stored> stored(UserId owner, ThreadId threadId, ItemId itemId) {
    return Optional.ofNullable(byKey.get(new Key(threadId, itemId)))
        .filter(s -> s.owner().equals(owner));
  }

  private List<Stored> inThread(UserId owner, ThreadId threadId) {
    return byKey.values().stream()
        .filter(s -> s.item().threadId().equals(threadId) && s.owner().equals(owner))
        .toList();
  }

  private record Key(ThreadId threadId, ItemId itemId) {}

  private record Stored(long seq, UserId owner, ThreadItem item) {}
}
