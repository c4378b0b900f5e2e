package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;

/** Records responses. At most one run per thread is running; the database enforces it. */
public interface RunRepository {

  /**
   * Stores a new running run, streamed by this instance. A run the thread still has running from an
   * instance whose lease has expired ({@link
   * dev.tasktalk.application.port.out.cluster.InstanceLeases}) is marked interrupted first, so a
   * dead instance never keeps a thread busy.
   *
   * @throws dev.tasktalk.domain.run.RunInProgressException when the thread already has one running
   */
  void start(Run run);

  /** Stores the run's outcome, usage and timings. */
  void finish(Run run);

  /**
   * Records what the thread's latest run cost: the model, token usage (null when unknown) and time
   * to the first token. The turn engine reports it when a turn ends, before or after the run
   * finishes.
   */
  void recordUsage(
      UserId owner,
      ThreadId threadId,
      String model,
      Long inputTokens,
      Long outputTokens,
      Duration firstToken);

  /**
   * Marks every run still running as interrupted, whichever instance streams it; returns how many.
   * Only for a database no other instance can use (the launcher's embedded one), at start-up: on a
   * shared database the leases decide.
   */
  int interruptRunning(Instant now);
}
