package dev.tasktalk.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls the readiness endpoint until it answers 200, the server dies, the application has failed to
 * start, or time runs out.
 */
final class ReadinessProbe {

  /** How the wait ended. */
  enum Outcome {
    READY,
    SERVER_EXITED,
    /** Payara runs but the application does not: it failed to start (a refused setting, say). */
    FAILED,
    TIMED_OUT
  }

  /**
   * A booting Payara answers 500 for a second or so before the application is up; an application
   * that failed to start answers nothing else.
   */
  static final Duration FAILED_AFTER = Duration.ofSeconds(20);

  private static final Duration INTERVAL = Duration.ofMillis(200);
  // Generous: a booting Payara answers slowly, and a request it cannot finish logs a stack trace.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final HttpRequest request;

  private final Duration failedAfter;

  ReadinessProbe(URI readinessUri) {
    this(readinessUri, FAILED_AFTER);
  }

  ReadinessProbe(URI readinessUri, Duration failedAfter) {
    this.request = HttpRequest.newBuilder(readinessUri).timeout(REQUEST_TIMEOUT).build();
    this.failedAfter = failedAfter;
  }

  Outcome await(Duration timeout, BooleanSupplier serverAlive) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long failingSince = -1;
    while (System.nanoTime() < deadline) {
      if (!serverAlive.getAsBoolean()) {
        return Outcome.SERVER_EXITED;
      }
      int status = status();
      if (status == 200) {
        return Outcome.READY;
      }
      if (status != 500) {
        failingSince = -1;
      } else if (failingSince < 0) {
        failingSince = System.nanoTime();
      } else if (System.nanoTime() - failingSince >= failedAfter.toNanos()) {
        return Outcome.FAILED;
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    return Outcome.TIMED_OUT;
  }

  /** The status of one probe, or -1 when nothing answered. */
  private int status() throws InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }
}
