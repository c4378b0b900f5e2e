package dev.tasktalk.bootstrap.security;

import dev.tasktalk.bootstrap.wiring.TasktalkSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * {@code CORS_ORIGINS}, read once and checked while the application starts: a value that is not a
 * list of origins fails the deployment, as a bad signing key does, instead of leaving CORS silently
 * off.
 */
@ApplicationScoped
public class CorsConfiguration {

  private static final Logger LOG = Logger.getLogger(CorsConfiguration.class.getName());

  @Inject TasktalkSettings settings;

  private CorsPolicy policy;

  @PostConstruct
  void load() {
    policy = CorsPolicy.parse(settings.get(CorsPolicy.SETTING));
  }

  void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Observing start-up creates this bean eagerly, so a bad value stops the deployment.
    if (policy.enabled()) {
      LOG.info(
          () ->
              "Cross-origin requests allowed from "
                  + (policy.anyOrigin() ? "any origin" : policy.origins()));
    }
  }

  CorsPolicy policy() {
    return policy;
  }
}
