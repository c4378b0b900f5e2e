package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe against a real local HTTP server that answers as a booting Payara would. */
class ReadinessProbeTest {

  private HttpServer server;

  /** Answers the n-th request (from 0) with {@code statuses.applyAsInt(n)}. */
  private URI serve(IntUnaryOperator statuses) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext(
        "/health/ready",
        exchange -> {
          exchange.sendResponseHeaders(statuses.applyAsInt(requests.getAndIncrement()), -1);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aBootThatPassesThroughErrors_endsReady() throws Exception {
    // As seen from Payara: not listening, 404, 503, a few 500s, then 200.
    URI uri = serve(n -> n < 2 ? 404 : n < 4 ? 503 : n < 6 ? 500 : 200);

    ReadinessProbe.Outcome outcome =
        new ReadinessProbe(uri, Duration.ofSeconds(5)).await(Duration.ofSeconds(10), () -> true);

    assertThat(outcome).isEqualTo(ReadinessProbe.Outcome.READY);
  }

  @Test
  void anApplicationThatOnlyAnswers500_hasFailed_longBeforeTheTimeout() throws Exception {
    URI uri = serve(n -> 500);
    long started = System.nanoTime();

    ReadinessProbe.Outcome outcome =
        new ReadinessProbe(uri, Duration.ofMillis(600)).await(Duration.ofSeconds(30), () -> true);

    assertThat(outcome).isEqualTo(ReadinessProbe.Outcome.FAILED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void a500RunInterruptedByAnotherAnswer_startsCountingAgain() throws Exception {
    // 500 for a while, one 503, then 500s again: only the last run counts towards the limit.
    // Polled every 200 ms: 500s for ~1 s, a 503, 500s for ~0.6 s, then 200; counted as one run the
    // 500s would last over 2 s.
    URI uri = serve(n -> n == 6 ? 503 : n < 11 ? 500 : 200);

    ReadinessProbe.Outcome outcome =
        new ReadinessProbe(uri, Duration.ofMillis(1800)).await(Duration.ofSeconds(20), () -> true);

    assertThat(outcome).isEqualTo(ReadinessProbe.Outcome.READY);
  }

  @Test
  void aServerThatExits_isReportedAsExited() throws Exception {
    URI uri = serve(n -> 503);

    assertThat(new ReadinessProbe(uri).await(Duration.ofSeconds(5), () -> false))
        .isEqualTo(ReadinessProbe.Outcome.SERVER_EXITED);
  }
}
