package dev.tasktalk.bootstrap.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the authentication settings and builds the token verifier once, when the application
 * starts, so a misconfiguration fails the deployment instead of the first request.
 */
@ApplicationScoped
public class AuthConfiguration {

  private static final Logger LOG = Logger.getLogger(AuthConfiguration.class.getName());

  private AuthSettings settings;
  private TokenVerifier verifier;
  private DevTokenIssuer devTokenIssuer;

  /** For the CDI container's client proxy only. */
  protected AuthConfiguration() {}

  @Inject
  public AuthConfiguration(Config config, Clock clock) {
    try {
      wire(AuthSettings.fromConfig(config), clock);
    } catch (AuthConfigurationException e) {
      // Say it plainly before the container buries it in a deployment stack trace.
      LOG.log(Level.SEVERE, "Tasktalk cannot start: {0}", e.getMessage());
      throw e;
    }
  }

  /** Wires the verifier from ready-made settings, without a container. */
  public AuthConfiguration(AuthSettings settings, Clock clock) {
    wire(settings, clock);
  }

  private void wire(AuthSettings settings, Clock clock) {
    this.settings = settings;
    this.verifier = TokenVerifier.create(settings, clock);
    this.devTokenIssuer =
        settings
            .devSigningSecret()
            .map(
                secret ->
                    new DevTokenIssuer(secret, settings.issuer(), settings.audiences(), clock))
            .orElse(null);
  }

  void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Observing start-up creates this bean eagerly; the constructor has done the work.
    LOG.info(() -> "Bearer authentication mode: " + mode());
    if (settings.sharedSecrets().stream().anyMatch(SharedSecret::isGenerated)) {
      LOG.warning(
          "Dev login signs tokens with a random in-memory secret: tokens stop working on restart."
              + " Set JWT_SECRET to keep them.");
    }
  }

  /**
   * {@code dev-login}, {@code shared-secret}, {@code public-key}, or a combination joined by "+".
   */
  public String mode() {
    return settings.mode();
  }

  public TokenVerifier verifier() {
    return verifier;
  }

  public boolean devLoginEnabled() {
    return settings.devLogin();
  }

  /** Present only when {@code TASKTALK_DEV_LOGIN=true}. */
  public Optional<DevTokenIssuer> devTokenIssuer() {
    return Optional.ofNullable(devTokenIssuer);
  }
}
