package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.cluster.InstanceId;
import dev.tasktalk.application.port.out.cluster.InstanceLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * {@link InstanceLeases} in the {@code instance_leases} table by native SQL, every time taken from
 * the database's clock ({@code now()}), so instances whose clocks disagree still agree on who is
 * alive.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaInstanceLeases implements InstanceLeases {

  private static final String RENEW =
      "insert into instance_leases (instance_id, description, started_at, renewed_at, expires_at)"
          + " values (?1, ?2, now(), now(), now() + ?3 * interval '1 millisecond') on conflict"
          + " (instance_id) do update set renewed_at = now(), expires_at = excluded.expires_at";

  /** Leases long expired say nothing any more: their runs count as orphaned without them. */
  private static final String FORGET =
      "delete from instance_leases where expires_at < now() - interval '1 day'";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  @Inject InstanceId instance;

  /** For CDI. */
  public JpaInstanceLeases() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaInstanceLeases(EntityManager em, InstanceId instance) {
    this.em = em;
    this.instance = instance;
  }

  @Override
  @Transactional
  public void renew(Duration ttl, String description) {
    em.createNativeQuery(RENEW)
        .setParameter(1, instance.value())
        .setParameter(
            2,
            description == null
                ? null
                : description.substring(0, Math.min(255, description.length())))
        .setParameter(3, ttl.toMillis())
        .executeUpdate();
  }

  @Override
  @Transactional
  public void release() {
    em.createNativeQuery("update instance_leases set expires_at = now() where instance_id = ?1")
        .setParameter(1, instance.value())
        .executeUpdate();
  }

  @Override
  @Transactional
  public int interruptOrphanedRuns() {
    int interrupted = em.createNativeQuery(Orphans.INTERRUPT).executeUpdate();
    em.createNativeQuery(FORGET).executeUpdate();
    return interrupted;
  }
}
