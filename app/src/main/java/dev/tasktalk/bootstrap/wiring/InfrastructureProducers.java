package dev.tasktalk.bootstrap.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Infrastructure values the services take through their constructors. */
@ApplicationScoped
public class InfrastructureProducers {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
