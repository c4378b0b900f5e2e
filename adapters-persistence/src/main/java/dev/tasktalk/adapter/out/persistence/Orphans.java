package dev.tasktalk.adapter.out.persistence;

/**
 * Which running runs nothing will ever finish: those of an instance whose lease has expired, by the
 * database's clock. A run whose instance has no lease at all (runs from before leases existed, or
 * an instance that crashed before its first heartbeat) counts once it is a minute old, so a
 * starting instance is never taken for dead between its first run and its first heartbeat.
 */
final class Orphans {

  /** Interrupts the orphaned runs; callers may narrow it with {@code and r.…} conditions. */
  static final String INTERRUPT =
      "update runs r set status = 'interrupted', finished_at = now(),"
          + " error = 'the instance streaming this response stopped'"
          + " where r.status = 'running'"
          + " and not exists (select 1 from instance_leases l where l.instance_id = r.instance_id"
          + " and l.expires_at > now())"
          + " and (r.started_at < now() - interval '1 minute'"
          + " or exists (select 1 from instance_leases l where l.instance_id = r.instance_id))";

  private Orphans() {}
}
