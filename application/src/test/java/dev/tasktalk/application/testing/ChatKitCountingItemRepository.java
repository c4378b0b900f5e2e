package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link ThreadItemRepository} and counts its writes, to prove no write happens per delta.
 */
public final class ChatKitCountingItemRepository implements ThreadItemRepository {

  private final ThreadItemRepository delegate;
  private final AtomicInteger writes = new AtomicInteger();

  public ChatKitCountingItemRepository(ThreadItemRepository delegate) {
    this.delegate = delegate;
  }

  /** Every add, save, delete and deleteAfter so far. */
  public int writes() {
    return writes.get();
  }

  @Override
  public void add(UserId owner, ThreadItem item) {
    writes.incrementAndGet();
    delegate.add(owner, item);
  }

  @Override
  public void save(UserId owner, ThreadItem item) {
    writes.incrementAndGet();
    delegate.save(owner, item);
  }

  @Override
  public Optional<ThreadItem> find(UserId owner, ThreadId threadId, ItemId itemId) {
    return delegate.find(owner, threadId, itemId);
  }

  @Override
  public boolean delete(UserId owner, ThreadId threadId, ItemId itemId) {
    writes.incrementAndGet();
    return delegate.delete(owner, threadId, itemId);
  }

  @Override
  public int deleteAfter(UserId owner, ThreadId threadId, ItemId itemId) {
    writes.incrementAndGet();
    return delegate.deleteAfter(owner, threadId, itemId);
  }

  @Override
  public Page<ThreadItem> list(
      UserId owner, ThreadId threadId, ItemId after, int limit, boolean descending) {
    return delegate.list(owner, threadId, after, limit, descending);
  }

  @Override
  public List<ThreadItem> latest(UserId owner, ThreadId threadId, int count) {
    return delegate.latest(owner, threadId, count);
  }
}
