package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link FeedbackRepository} in a list, from {@link InMemoryChatStore#feedback()}; {@link
 * #stored()} shows tests what was recorded. Like the database it takes only positive or negative
 * feedback on a thread of the owner.
 */
public final class InMemoryFeedbackRepository implements FeedbackRepository {

  private static final Set<String> KINDS = Set.of("positive", "negative");

  private final InMemoryChatStore store;
  private final List<Feedback> stored = new ArrayList<>();

  InMemoryFeedbackRepository(InMemoryChatStore store) {
    this.store = store;
  }

  @Override
  public void add(UserId owner, ThreadId threadId, List<ItemId> items, String kind, Instant at) {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("feedback kind must be positive or negative: " + kind);
    }
    synchronized (store.lock()) {
      if (!store.threads().owns(owner, threadId)) {
        throw new ThreadNotFoundException(threadId);
      }
      stored.add(new Feedback(owner, threadId, List.copyOf(items), kind, at));
    }
  }

  /** Everything recorded, oldest first. */
  public List<Feedback> stored() {
    synchronized (store.lock()) {
      return List.copyOf(stored);
    }
  }

  void dropThread(ThreadId threadId) {
    stored.removeIf(f -> f.threadId().equals(threadId));
  }

  /** One recorded thumbs up or down. */
  public record Feedback(
      UserId owner, ThreadId threadId, List<ItemId> items, String kind, Instant at) {}
}
