package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.domain.agent.ToolCallRecord;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The {@link ToolCallRepository} on PostgreSQL by native SQL, one row per call; each call is one
 * transaction. Arguments and result are stored as {@code jsonb}, so they must be JSON text.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaToolCallRepository implements ToolCallRepository {

  private static final String COLUMNS =
      "insert into tool_calls (id, owner, thread_id, run_id, surface, name,"
          + " arguments, result, status, duration_ms, created_at)";
  private static final String VALUES =
      " cast(?1 as uuid), ?2, %s, cast(?4 as uuid), ?5, ?6,"
          + " cast(?7 as jsonb), cast(?8 as jsonb), ?9, ?10, cast(?11 as timestamptz)";
  // An MCP call belongs to no thread.
  private static final String INSERT =
      COLUMNS + " values (" + VALUES.formatted("cast(?3 as varchar)") + ")";
  // Selecting from the owner's thread row makes the insert its own ownership check.
  private static final String INSERT_IN_THREAD =
      COLUMNS
          + " select"
          + VALUES.formatted("t.id")
          + " from threads t where t.id = ?3 and t.owner = ?2";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaToolCallRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaToolCallRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void record(ToolCallRecord call) {
    int rows =
        em.createNativeQuery(call.threadId() == null ? INSERT : INSERT_IN_THREAD)
            .setParameter(1, call.id())
            .setParameter(2, call.owner().value())
            .setParameter(3, call.threadId() == null ? null : call.threadId().value())
            .setParameter(4, call.runId())
            .setParameter(5, call.surface())
            .setParameter(6, call.name())
            .setParameter(7, call.arguments())
            .setParameter(8, call.result())
            .setParameter(9, call.status())
            .setParameter(10, call.durationMillis())
            .setParameter(11, Times.utc(call.at()))
            .executeUpdate();
    if (rows == 0) {
      throw new ThreadNotFoundException(call.threadId());
    }
  }
}
