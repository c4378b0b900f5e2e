package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.cluster.InstanceId;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The {@link RunRepository} on PostgreSQL by native SQL; every public method is one transaction.
 * The partial unique index {@code runs_one_running_per_thread} is what keeps one run per thread
 * running, also across instances; its violation becomes {@link RunInProgressException}. Each run
 * names the instance that streams it; when a message meets a run whose instance is dead ({@link
 * Orphans}), that run is interrupted and the message takes the thread.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaRunRepository implements RunRepository {

  // Selecting from the owner's thread row makes the insert its own ownership check.
  private static final String START =
      "insert into runs (id, owner, thread_id, status, started_at, instance_id) select cast(?1 as"
          + " uuid), t.owner, t.id, 'running', cast(?2 as timestamptz), ?5 from threads t where"
          + " t.id = ?3 and t.owner = ?4 on conflict (thread_id) where status = 'running' do"
          + " nothing";
  private static final String TAKE_OVER =
      Orphans.INTERRUPT + " and r.thread_id = ?1 and r.owner = ?2";
  private static final String FINISH =
      "update runs set status = ?1, finished_at = cast(?2 as timestamptz),"
          // Usage may already have been recorded by the turn engine: keep it unless the run brings
          // its own.
          + " model = coalesce(cast(?3 as varchar), model), input_tokens = coalesce(cast(?4 as"
          + " bigint), input_tokens), output_tokens = coalesce(cast(?5 as bigint), output_tokens),"
          + " first_token_ms = coalesce(cast(?6 as bigint), first_token_ms), error = cast(?7 as"
          + " text) where id = cast(?8 as uuid) and owner = ?9";
  private static final String USAGE =
      "update runs set model = cast(?1 as varchar),"
          + " input_tokens = cast(?2 as bigint), output_tokens = cast(?3 as bigint),"
          + " first_token_ms = cast(?4 as bigint)"
          + " where id = (select id from runs where thread_id = ?5 and owner = ?6"
          + " order by started_at desc limit 1)";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  @Inject InstanceId instance;

  /** For CDI, which injects the container's entity manager and this instance's id. */
  public JpaRunRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaRunRepository(EntityManager em, InstanceId instance) {
    this.em = em;
    this.instance = instance;
  }

  @Override
  @Transactional
  public void start(Run run) {
    if (run.status() != RunStatus.RUNNING || run.finishedAt() != null) {
      throw new IllegalArgumentException("a run starts running and unfinished");
    }
    // ON CONFLICT against the partial unique index: a busy thread inserts nothing instead of
    // raising a unique violation, which would abort the transaction and log a stack trace per
    // refused message.
    int rows = insert(run);
    if (rows == 0 && takeOverFromDeadInstance(run) > 0) {
      rows = insert(run);
    }
    if (rows == 0) {
      boolean threadExists =
          !em.createNativeQuery("select 1 from threads where id = ?1 and owner = ?2")
              .setParameter(1, run.threadId().value())
              .setParameter(2, run.owner().value())
              .getResultList()
              .isEmpty();
      throw threadExists
          ? new RunInProgressException()
          : new ThreadNotFoundException(run.threadId());
    }
  }

  private int insert(Run run) {
    return em.createNativeQuery(START)
        .setParameter(1, run.id())
        .setParameter(2, Times.utc(run.startedAt()))
        .setParameter(3, run.threadId().value())
        .setParameter(4, run.owner().value())
        .setParameter(5, instance.value())
        .executeUpdate();
  }

  private int takeOverFromDeadInstance(Run run) {
    return em.createNativeQuery(TAKE_OVER)
        .setParameter(1, run.threadId().value())
        .setParameter(2, run.owner().value())
        .executeUpdate();
  }

  @Override
  @Transactional
  public void finish(Run run) {
    if (run.status() == RunStatus.RUNNING || run.finishedAt() == null) {
      throw new IllegalArgumentException("a finished run has an outcome and a finish time");
    }
    em.createNativeQuery(FINISH)
        .setParameter(1, run.status().name().toLowerCase(Locale.ROOT))
        .setParameter(2, Times.utc(run.finishedAt()))
        .setParameter(3, run.model())
        .setParameter(4, run.inputTokens())
        .setParameter(5, run.outputTokens())
        .setParameter(6, run.firstToken() == null ? null : run.firstToken().toMillis())
        .setParameter(7, run.error())
        .setParameter(8, run.id())
        .setParameter(9, run.owner().value())
        .executeUpdate();
  }

  @Override
  @Transactional
  public void recordUsage(
      UserId owner,
      ThreadId threadId,
      String model,
      Long inputTokens,
      Long outputTokens,
      Duration firstToken) {
    em.createNativeQuery(USAGE)
        .setParameter(1, model)
        .setParameter(2, inputTokens)
        .setParameter(3, outputTokens)
        .setParameter(4, firstToken == null ? null : firstToken.toMillis())
        .setParameter(5, threadId.value())
        .setParameter(6, owner.value())
        .executeUpdate();
  }

  // Deliberately not scoped to an owner: it runs once at start-up of the embedded database's only
  // instance.
  @Override
  @Transactional
  public int interruptRunning(Instant now) {
    return em.createNativeQuery(
            "update runs set status = 'interrupted', finished_at = cast(?1 as timestamptz)"
                + " where status = 'running'")
        .setParameter(1, Times.utc(now))
        .executeUpdate();
  }
}
