package dev.tasktalk.application.testing;

/**
 * The five chat repository fakes over one shared state, wired as the database is: deleting a thread
 * deletes its items, runs, feedback and attachments, and items, runs and feedback need a thread of
 * the same owner. Create one store per test and take the repositories from it.
 */
public final class InMemoryChatStore {

  // One lock for all five fakes: a thread delete changes every one of them at once, and per-fake
  // locks taken in different orders could deadlock.
  private final Object lock = new Object();
  private final InMemoryChatThreadRepository threads = new InMemoryChatThreadRepository(this);
  private final InMemoryThreadItemRepository items = new InMemoryThreadItemRepository(this);
  private final InMemoryAttachmentRepository attachments = new InMemoryAttachmentRepository(this);
  private final InMemoryRunRepository runs = new InMemoryRunRepository(this);
  private final InMemoryFeedbackRepository feedback = new InMemoryFeedbackRepository(this);

  public InMemoryChatThreadRepository threads() {
    return threads;
  }

  public InMemoryThreadItemRepository items() {
    return items;
  }

  public InMemoryAttachmentRepository attachments() {
    return attachments;
  }

  public InMemoryRunRepository runs() {
    return runs;
  }

  public InMemoryFeedbackRepository feedback() {
    return feedback;
  }

  /** The same five fakes as ports, the shape the repository contracts take. */
  public ChatRepositories repositories() {
    return new ChatRepositories(threads, items, attachments, runs, feedback);
  }

  Object lock() {
    return lock;
  }
}
