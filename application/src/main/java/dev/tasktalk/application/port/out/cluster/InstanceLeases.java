package dev.tasktalk.application.port.out.cluster;

import java.time.Duration;

/**
 * Liveness of the instances that share one database. Each instance holds a lease it keeps renewing;
 * a run whose instance let its lease run out is orphaned: nothing will ever finish it. Expiry is
 * judged by the database's clock alone.
 */
public interface InstanceLeases {

  /** Creates or extends this instance's lease so that it expires {@code ttl} from now. */
  void renew(Duration ttl, String description);

  /** Lets this instance's lease expire now (a clean shutdown). */
  void release();

  /** Marks every orphaned run interrupted (whichever thread or owner); returns how many. */
  int interruptOrphanedRuns();
}
