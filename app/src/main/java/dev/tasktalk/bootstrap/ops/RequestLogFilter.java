package dev.tasktalk.bootstrap.ops;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * One structured (logfmt) line per request: method, path, status, duration and a hash of the user,
 * so logs can follow one user's requests without holding their identity. Mapped first in web.xml so
 * that refused requests are logged too.
 */
public class RequestLogFilter implements Filter {

  /** Where the security filter leaves the authenticated principal for this filter to read. */
  public static final String PRINCIPAL_ATTRIBUTE = "tasktalk.principal";

  private static final Logger LOG = Logger.getLogger("dev.tasktalk.request");

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long started = System.nanoTime();
    try {
      chain.doFilter(req, res);
    } finally {
      if (!request.isAsyncStarted()) {
        log(request, response.getStatus(), started);
      } else {
        request.getAsyncContext().addListener(new AsyncLogListener(this, request, started));
      }
    }
  }

  void log(HttpServletRequest request, int status, long started) {
    long micros = (System.nanoTime() - started) / 1_000;
    String user =
        request.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof Principal p
            ? userHash(p.getName())
            : "-";
    LOG.info(
        () ->
            String.format(
                "request method=%s path=%s status=%d duration_ms=%d.%03d user=%s",
                request.getMethod(),
                request.getRequestURI(),
                status,
                micros / 1000,
                micros % 1000,
                user));
  }

  static String userHash(String subject) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
