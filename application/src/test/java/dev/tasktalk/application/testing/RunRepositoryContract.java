package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunRepository} must do, above all: one running run per thread, also when
 * several start at once. The port has no reader, so each implementation shows its stored runs
 * through {@link #storedRun}.
 */
public abstract class RunRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");

  private ChatThread thread;

  /** The repositories under test, all over one store. */
  protected abstract ChatRepositories repositories();

  /** Runs before every test; afterwards the store holds nothing at all. */
  protected abstract void reset();

  /** The run as stored, read past the port, whoever owns it. */
  protected abstract Optional<Run> storedRun(UUID id);

  @BeforeEach
  void startWithOneThread() {
    reset();
    thread = addThread(ALICE);
  }

  private RunRepository runs() {
    return repositories().runs();
  }

  @Test
  void givenANewRun_start_storesItRunning() {
    Run run = start(Run.start(ALICE, thread.id(), T0));

    assertThat(storedRun(run.id())).contains(run);
  }

  @Test
  void givenARunningRun_startAnother_isRefused() {
    Run first = start(Run.start(ALICE, thread.id(), T0));

    assertThatThrownBy(() -> runs().start(Run.start(ALICE, thread.id(), T0.plusSeconds(1))))
        .isInstanceOf(RunInProgressException.class);
    assertThat(storedRun(first.id())).contains(first);
  }

  @Test
  void givenAFinishedRun_startAnother_succeeds() {
    Run first = start(Run.start(ALICE, thread.id(), T0));
    runs().finish(first.finish(RunStatus.COMPLETED, T0.plusSeconds(2), "m", 1L, 2L, null, null));

    Run second = start(Run.start(ALICE, thread.id(), T0.plusSeconds(3)));

    assertThat(storedRun(second.id())).contains(second);
  }

  @Test
  void givenARunningRunInOneThread_startInAnother_succeeds() {
    start(Run.start(ALICE, thread.id(), T0));
    ChatThread other = addThread(ALICE);
    ChatThread bobs = addThread(BOB);

    Run inOther = start(Run.start(ALICE, other.id(), T0));
    Run inBobs = start(Run.start(BOB, bobs.id(), T0));

    assertThat(storedRun(inOther.id())).contains(inOther);
    assertThat(storedRun(inBobs.id())).contains(inBobs);
  }

  @Test
  void givenManyStartsAtOnce_start_letsExactlyOneRun() throws Exception {
    int starters = 6;
    ExecutorService pool = Executors.newFixedThreadPool(starters);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < starters; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    runs().start(Run.start(ALICE, thread.id(), T0));
                    return true;
                  } catch (RunInProgressException e) {
                    return false;
                  }
                }));
      }
      go.countDown();
      int started = 0;
      for (Future<Boolean> result : results) {
        started += result.get() ? 1 : 0;
      }
      assertThat(started).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenAnotherOwnersOrAMissingThread_start_isRefusedAsNotFound() {
    assertThatThrownBy(() -> runs().start(Run.start(BOB, thread.id(), T0)))
        .isInstanceOf(ThreadNotFoundException.class);
    assertThatThrownBy(() -> runs().start(Run.start(ALICE, aThread(ALICE, T0).id(), T0)))
        .isInstanceOf(ThreadNotFoundException.class);
  }

  @Test
  void usageRecordedBeforeOrAfterTheFinish_staysOnTheThreadsLatestRun() {
    Run older = start(Run.start(ALICE, thread.id(), T0));
    runs()
        .finish(older.finish(RunStatus.COMPLETED, T0.plusSeconds(1), null, null, null, null, null));
    Run latest = start(Run.start(ALICE, thread.id(), T0.plusSeconds(5)));

    runs().recordUsage(ALICE, thread.id(), "fake-model", 42L, 7L, Duration.ofMillis(120));
    runs().recordUsage(BOB, thread.id(), "intruder", 1L, 1L, null);
    runs()
        .finish(
            latest.finish(RunStatus.COMPLETED, T0.plusSeconds(6), null, null, null, null, null));

    assertThat(storedRun(latest.id()))
        .get()
        .satisfies(
            run -> {
              assertThat(run.model()).isEqualTo("fake-model");
              assertThat(run.inputTokens()).isEqualTo(42L);
              assertThat(run.outputTokens()).isEqualTo(7L);
              assertThat(run.firstToken()).isEqualTo(Duration.ofMillis(120));
              assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            });
    assertThat(storedRun(older.id())).get().extracting(Run::model).isNull();
  }

  @Test
  void givenAnOutcomeWithEveryFieldSet_finish_storesEveryField() {
    Run run = start(Run.start(ALICE, thread.id(), T0));
    Run failed =
        run.finish(
            RunStatus.FAILED,
            T0.plusMillis(2_345),
            "gpt-4.1-mini",
            1_234L,
            56L,
            Duration.ofMillis(789),
            "HTTP 429 from the provider");

    runs().finish(failed);

    assertThat(storedRun(run.id())).contains(failed);
  }

  @Test
  void givenUnknownUsage_finish_storesItUnknown() {
    Run run = start(Run.start(ALICE, thread.id(), T0));
    Run cancelled =
        run.finish(RunStatus.CANCELLED, T0.plusSeconds(1), null, null, null, null, null);

    runs().finish(cancelled);

    assertThat(storedRun(run.id())).contains(cancelled);
  }

  @Test
  void givenAnotherOwner_finish_changesNothing() {
    Run run = start(Run.start(ALICE, thread.id(), T0));
    Run forged =
        new Run(
            run.id(),
            BOB,
            run.threadId(),
            RunStatus.FAILED,
            T0,
            T0.plusSeconds(1),
            null,
            null,
            null,
            null,
            "forged");

    runs().finish(forged);

    assertThat(storedRun(run.id())).contains(run);
  }

  @Test
  void givenAStillRunningOutcome_finish_isRefused() {
    Run run = start(Run.start(ALICE, thread.id(), T0));

    assertThatThrownBy(() -> runs().finish(run)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenRunningAndFinishedRuns_interruptRunning_interruptsOnlyTheRunningOnes() {
    Run running = start(Run.start(ALICE, thread.id(), T0));
    ChatThread other = addThread(BOB);
    Run bobsRunning = start(Run.start(BOB, other.id(), T0));
    ChatThread third = addThread(ALICE);
    Run done = start(Run.start(ALICE, third.id(), T0));
    Run completed =
        done.finish(
            RunStatus.COMPLETED, T0.plusSeconds(1), "m", 1L, 1L, Duration.ofMillis(5), null);
    runs().finish(completed);
    Instant now = T0.plusSeconds(60);

    assertThat(runs().interruptRunning(now)).isEqualTo(2);

    assertThat(storedRun(running.id())).contains(interrupted(running, now));
    assertThat(storedRun(bobsRunning.id())).contains(interrupted(bobsRunning, now));
    assertThat(storedRun(done.id())).contains(completed);
    assertThat(runs().interruptRunning(now.plusSeconds(1))).isZero();
    start(Run.start(ALICE, thread.id(), now));
  }

  @Test
  void givenADeletedThread_itsRuns_areGone() {
    Run run = start(Run.start(ALICE, thread.id(), T0));

    repositories().threads().delete(ALICE, thread.id());

    assertThat(storedRun(run.id())).isEmpty();
  }

  private static Run interrupted(Run run, Instant at) {
    return run.finish(RunStatus.INTERRUPTED, at, null, null, null, null, null);
  }

  private ChatThread addThread(UserId owner) {
    ChatThread added = aThread(owner, T0);
    repositories().threads().add(added);
    return added;
  }

  private Run start(Run run) {
    runs().start(run);
    return run;
  }
}
