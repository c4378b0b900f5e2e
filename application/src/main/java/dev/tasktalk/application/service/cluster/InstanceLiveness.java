package dev.tasktalk.application.service.cluster;

import dev.tasktalk.application.port.out.cluster.InstanceLeases;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps this instance's lease alive and ends the runs of instances that died: what replaces
 * "interrupt every running response at start-up", which cut the answers other instances were still
 * streaming. The caller runs {@link #heartbeat} every {@link #heartbeatEvery} and {@link #sweep}
 * every {@link #sweepEvery}; a run that meets its thread's next message is checked at once as well.
 */
public final class InstanceLiveness {

  private static final System.Logger LOG = System.getLogger(InstanceLiveness.class.getName());

  private final InstanceLeases leases;
  private final Duration lease;
  private final String description;
  private volatile boolean failing;

  /** {@code lease}: how long an instance counts as alive after its last heartbeat. */
  public InstanceLiveness(InstanceLeases leases, Duration lease, String description) {
    this.leases = Objects.requireNonNull(leases);
    if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
      throw new IllegalArgumentException("a lease lasts at least 3 seconds");
    }
    this.lease = lease;
    this.description = description;
  }

  /** Three heartbeats per lease: two may be late or lost before the others count this one dead. */
  public Duration heartbeatEvery() {
    return lease.dividedBy(3);
  }

  public Duration sweepEvery() {
    return lease.dividedBy(2);
  }

  /**
   * Renews the lease; never throws, since it runs on a timer (a database outage is logged once).
   */
  public void heartbeat() {
    try {
      leases.renew(lease, description);
      if (failing) {
        LOG.log(Level.INFO, "instance lease renewed again");
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(
            Level.WARNING,
            "cannot renew this instance's lease ("
                + e.getMessage()
                + "); other instances"
                + " will take over its threads once it has expired");
      }
      failing = true;
    }
  }

  /**
   * Interrupts the runs of dead instances; returns how many (0 when the database cannot be
   * reached).
   */
  public int sweep() {
    try {
      int interrupted = leases.interruptOrphanedRuns();
      if (interrupted > 0) {
        LOG.log(
            Level.WARNING, interrupted + " response(s) of a stopped instance marked interrupted");
      }
      return interrupted;
    } catch (RuntimeException e) {
      return 0; // the heartbeat reports outages
    }
  }

  /** Lets the lease expire at once (clean shutdown); never throws. */
  public void release() {
    try {
      leases.release();
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "could not release this instance's lease: " + e.getMessage());
    }
  }
}
