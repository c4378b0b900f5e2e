package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One response at a time per thread: opens a run before anything is written and records its end.
 */
final class Runs {

  static final String BUSY = "a response is already in progress";

  private static final System.Logger LOG = System.getLogger(Runs.class.getName());

  private final RunRepository runs;
  private final Clock clock;

  Runs(RunRepository runs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
  }

  /** The started run, or empty when the thread already has one running. */
  Optional<Run> start(UserId owner, ThreadId thread) {
    Run run = Run.start(owner, thread, clock.instant());
    try {
      runs.start(run);
      return Optional.of(run);
    } catch (RunInProgressException busy) {
      return Optional.empty();
    }
  }

  /**
   * Runs work that must succeed before the stream is handed out; if it fails the run is released at
   * once, so a broken request does not leave the thread busy.
   */
  <T> T beforeStream(Run run, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      finish(run, RunStatus.FAILED, null, e.getMessage());
      throw e;
    }
  }

  /** The whole answer to a message sent while a response streams: the client may retry later. */
  static ThreadEvent.Error busy() {
    return ThreadEvent.Error.custom(BUSY, true);
  }

  /**
   * Records the outcome. Never throws: it runs while a stream ends, and a failure here must not
   * hide the response's own outcome (a run left running is interrupted at the next start-up).
   */
  void finish(Run run, RunStatus outcome, Duration firstToken, String error) {
    try {
      runs.finish(run.finish(outcome, clock.instant(), null, null, null, firstToken, error));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not record the end of run " + run.id(), e);
    }
  }
}
