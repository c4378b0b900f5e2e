package dev.tasktalk.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls the readiness endpoint until it answers 200, the server dies, or time runs out. */
final class ReadinessProbe {

  /** How the wait ended. */
  enum Outcome {
    READY,
    SERVER_EXITED,
    TIMED_OUT
  }

  private static final Duration INTERVAL = Duration.ofMillis(200);
  // Generous: a booting Payara answers slowly, and a request it cannot finish logs a stack trace.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final HttpRequest request;

  ReadinessProbe(URI readinessUri) {
    this.request = HttpRequest.newBuilder(readinessUri).timeout(REQUEST_TIMEOUT).build();
  }

  Outcome await(Duration timeout, BooleanSupplier serverAlive) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!serverAlive.getAsBoolean()) {
        return Outcome.SERVER_EXITED;
      }
      if (answersOk()) {
        return Outcome.READY;
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    return Outcome.TIMED_OUT;
  }

  private boolean answersOk() throws InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
