package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link RunRepository} in a map, from {@link InMemoryChatStore#runs()}; like the database it
 * lets one run per thread be running. {@link #find} and {@link #all} let tests see what was
 * recorded.
 */
public final class InMemoryRunRepository implements RunRepository {

  private final InMemoryChatStore store;
  private final Map<UUID, Run> byId = new LinkedHashMap<>();

  InMemoryRunRepository(InMemoryChatStore store) {
    this.store = store;
  }

  @Override
  public void start(Run run) {
    if (run.status() != RunStatus.RUNNING || run.finishedAt() != null) {
      throw new IllegalArgumentException("a run starts running and unfinished");
    }
    synchronized (store.lock()) {
      if (!store.threads().owns(run.owner(), run.threadId())) {
        throw new ThreadNotFoundException(run.threadId());
      }
      boolean busy =
          byId.values().stream()
              .anyMatch(
                  r -> r.threadId().equals(run.threadId()) && r.status() == RunStatus.RUNNING);
      if (busy || byId.containsKey(run.id())) {
        throw new RunInProgressException();
      }
      byId.put(run.id(), run);
    }
  }

  @Override
  public void finish(Run run) {
    if (run.status() == RunStatus.RUNNING || run.finishedAt() == null) {
      throw new IllegalArgumentException("a finished run has an outcome and a finish time");
    }
    synchronized (store.lock()) {
      Run old = byId.get(run.id());
      if (old != null && old.owner().equals(run.owner())) {
        // Only the outcome is written; who, where and when it started stay as recorded.
        byId.put(
            run.id(),
            old.finish(
                run.status(),
                run.finishedAt(),
                or(run.model(), old.model()),
                or(run.inputTokens(), old.inputTokens()),
                or(run.outputTokens(), old.outputTokens()),
                or(run.firstToken(), old.firstToken()),
                run.error()));
      }
    }
  }

  @Override
  public void recordUsage(
      UserId owner,
      ThreadId threadId,
      String model,
      Long inputTokens,
      Long outputTokens,
      java.time.Duration firstToken) {
    synchronized (store.lock()) {
      byId.values().stream()
          .filter(r -> r.owner().equals(owner) && r.threadId().equals(threadId))
          .max(java.util.Comparator.comparing(Run::startedAt))
          .ifPresent(
              r ->
                  byId.put(
                      r.id(),
                      new Run(
                          r.id(),
                          r.owner(),
                          r.threadId(),
                          r.status(),
                          r.startedAt(),
                          r.finishedAt(),
                          model,
                          inputTokens,
                          outputTokens,
                          firstToken,
                          r.error())));
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  @Override
  public int interruptRunning(Instant now) {
    synchronized (store.lock()) {
      List<Run> running =
          byId.values().stream().filter(r -> r.status() == RunStatus.RUNNING).toList();
      running.forEach(
          r ->
              byId.put(
                  r.id(),
                  r.finish(
                      RunStatus.INTERRUPTED,
                      now,
                      r.model(),
                      r.inputTokens(),
                      r.outputTokens(),
                      r.firstToken(),
                      r.error())));
      return running.size();
    }
  }

  /** The run as recorded, whoever owns it. */
  public Optional<Run> find(UUID id) {
    synchronized (store.lock()) {
      return Optional.ofNullable(byId.get(id));
    }
  }

  /** Every recorded run, in the order they started. */
  public List<Run> all() {
    synchronized (store.lock()) {
      return new ArrayList<>(byId.values());
    }
  }

  void dropThread(ThreadId threadId) {
    byId.values().removeIf(r -> r.threadId().equals(threadId));
  }
}
