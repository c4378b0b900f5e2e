package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.domain.agent.ToolCallRecord;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ToolCallRepository} in a list; {@link #records()} shows tests what was recorded. Made
 * over an {@link InMemoryChatStore} it also refuses, like the database, a call in a thread that is
 * not the caller's.
 */
public final class InMemoryToolCallRepository implements ToolCallRepository {

  private final InMemoryChatStore store;
  private final Object lock;
  private final List<ToolCallRecord> records = new ArrayList<>();

  /** Knows no threads, so it records every call. */
  public InMemoryToolCallRepository() {
    this.store = null;
    this.lock = new Object();
  }

  /** Records calls in threads only when the store holds the thread for the call's owner. */
  public InMemoryToolCallRepository(InMemoryChatStore store) {
    this.store = store;
    this.lock = store.lock();
  }

  @Override
  public void record(ToolCallRecord call) {
    synchronized (lock) {
      if (store != null
          && call.threadId() != null
          && !store.threads().owns(call.owner(), call.threadId())) {
        throw new ThreadNotFoundException(call.threadId());
      }
      records.add(call);
    }
  }

  /** Every recorded call, oldest first. */
  public List<ToolCallRecord> records() {
    synchronized (lock) {
      return List.copyOf(records);
    }
  }

  /** The most recent call; fails when none was recorded. */
  public ToolCallRecord last() {
    synchronized (lock) {
      if (records.isEmpty()) {
        throw new AssertionError("no tool call was recorded");
      }
      return records.get(records.size() - 1);
    }
  }
}
