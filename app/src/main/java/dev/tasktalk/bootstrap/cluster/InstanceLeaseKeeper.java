package dev.tasktalk.bootstrap.cluster;

import dev.tasktalk.application.port.out.cluster.InstanceId;
import dev.tasktalk.application.port.out.cluster.InstanceLeases;
import dev.tasktalk.application.service.cluster.InstanceLiveness;
import dev.tasktalk.bootstrap.wiring.TasktalkSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Renews this instance's lease and sweeps dead instances' runs on the server's managed scheduler. A
 * CDI start-up observer rather than an EJB timer, so it runs on servers without EJB (WildFly's
 * MicroProfile profile) as well.
 */
@ApplicationScoped
public class InstanceLeaseKeeper {

  private static final Logger LOG = Logger.getLogger(InstanceLeaseKeeper.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject InstanceLeases leases;
  @Inject InstanceId instance;
  @Inject TasktalkSettings settings;

  private InstanceLiveness liveness;
  private List<ScheduledFuture<?>> timers = List.of();

  @PostConstruct
  void create() {
    liveness =
        new InstanceLiveness(
            leases,
            settings.lease(),
            "pid " + ProcessHandle.current().pid() + " started " + java.time.Instant.now());
  }

  void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    liveness.heartbeat(); // before the first request, so this instance's runs are never taken for a
    // dead one's
    Duration beat = liveness.heartbeatEvery();
    Duration sweep = liveness.sweepEvery();
    timers =
        List.of(
            scheduler.scheduleWithFixedDelay(
                liveness::heartbeat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS),
            scheduler.scheduleWithFixedDelay(
                liveness::sweep, 0, sweep.toMillis(), TimeUnit.MILLISECONDS));
    LOG.info(
        () ->
            "instance "
                + instance.value()
                + " holds a lease renewed every "
                + beat.toMillis()
                + " ms");
  }

  @PreDestroy
  void stop() {
    timers.forEach(timer -> timer.cancel(false));
    liveness.release();
  }
}
