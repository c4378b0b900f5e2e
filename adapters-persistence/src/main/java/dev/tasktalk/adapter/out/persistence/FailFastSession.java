package dev.tasktalk.adapter.out.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's own retry of a query whose connection broke: it sleeps and retries three
 * times on the same dead pool, so a database outage held every request for ten seconds before it
 * failed. The pool validates its connections and heals by itself; a request during the outage fails
 * at once and becomes a 503 ({@link DatabaseOutages}).
 */
public final class FailFastSession implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
    }
  }
}
