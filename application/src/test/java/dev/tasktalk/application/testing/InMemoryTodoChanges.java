package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.events.TodoChanges;
import dev.tasktalk.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link TodoChanges} within one process: watchers are told at once; every announcement is kept.
 */
public final class InMemoryTodoChanges implements TodoChanges {

  private final Map<UserId, List<Runnable>> watchers = new ConcurrentHashMap<>();
  private final List<UserId> published = new CopyOnWriteArrayList<>();

  @Override
  public void publish(UserId owner) {
    published.add(owner);
    watchers.getOrDefault(owner, List.of()).forEach(Runnable::run);
  }

  @Override
  public Watch watch(UserId owner, Runnable onChange) {
    watchers.computeIfAbsent(owner, o -> new CopyOnWriteArrayList<>()).add(onChange);
    return () -> watchers.getOrDefault(owner, new ArrayList<>()).remove(onChange);
  }

  /** Every owner announced so far, in order. */
  public List<UserId> published() {
    return List.copyOf(published);
  }
}
