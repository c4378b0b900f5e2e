package dev.tasktalk.application.port.out.events;

import dev.tasktalk.domain.user.UserId;

/**
 * Tells whoever watches a user's tasks, on every instance, that they changed; it says nothing about
 * what changed, so a watcher reads the tasks again. Delivery is at most once: a watcher that missed
 * a change is told once more ({@code onChange} runs) when the feed recovers.
 */
public interface TodoChanges {

  /**
   * Announces that the owner's tasks changed; never throws (a lost announcement is not a lost
   * write).
   */
  void publish(UserId owner);

  /** Runs {@code onChange} after each change to the owner's tasks until the watch is closed. */
  Watch watch(UserId owner, Runnable onChange);

  /** An open watch. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
