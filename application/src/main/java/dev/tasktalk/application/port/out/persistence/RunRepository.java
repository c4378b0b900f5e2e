package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.run.Run;
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

  /** Marks every run still running as interrupted (a process died mid-response); returns how many. */
  int interruptRunning(Instant now);
}
