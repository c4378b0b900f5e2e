package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.DatabaseUnavailableException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Logger;

/**
 * Around every repository call, outside its transaction: a failure that means the database cannot
 * be reached (refused or broken connections, a server shutting down) becomes the port's {@link
 * DatabaseUnavailableException}, which every inbound adapter answers with 503, instead of an
 * internal error with a provider's stack trace.
 */
@Interceptor
@TranslatesOutages
// Before the container's @Transactional interceptor (PLATFORM_BEFORE + 200), so commit failures
// pass here too.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DatabaseOutages {

  private static final Logger LOG = Logger.getLogger(DatabaseOutages.class.getName());

  @AroundInvoke
  public Object translate(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (RuntimeException e) {
      if (!SqlErrors.isOutage(e)) {
        throw e;
      }
      LOG.warning(
          () ->
              "database unavailable in "
                  + call.getMethod().getDeclaringClass().getSimpleName()
                  + "."
                  + call.getMethod().getName()
                  + ": "
                  + SqlErrors.rootMessage(e));
      throw new DatabaseUnavailableException();
    }
  }
}
