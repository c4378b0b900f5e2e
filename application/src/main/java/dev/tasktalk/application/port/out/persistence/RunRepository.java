package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;

/** Records responses. At most one run per thread is running; the database enforces it. */
public interface RunRepository {

  /**
   * Stores a new running run.
   *
   * @throws dev.tasktalk.domain.run.RunInProgressException when the thread already has one running
   */
  void start(Run run);

  /** Stores the run's outcome, usage and timings. */
  void finish(Run run);

  /**
   * Records what the thread's latest run cost: the model, token usage (null when unknown) and time to
   * the first token. The turn engine reports it when a turn ends, before or after the run finishes.
   */
  void recordUsage(UserId owner, ThreadId threadId, String model, Long inputTokens, Long outputTokens,
      Duration firstToken);

  /** Marks every run still running as interrupted (a process died mid-response); returns how many. */
  int interruptRunning(Instant now);
}
