package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a failed model call tells the person (a plain message with a reference) and what it tells
 * the server log under the same reference (where, and what the provider sent).
 */
class ModelFailureDisclosureTest extends ModelServerTestBase {

  private static final Pattern REF = Pattern.compile(" \\(ref ([0-9a-f]{8})\\)$");

  private final Logger log = Logger.getLogger(StreamingCall.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureTheLog() {
    log.addHandler(capture);
  }

  @AfterEach
  void releaseTheLog() {
    log.removeHandler(capture);
  }

  @Test
  void givenNothingListening_theUserSeesNeitherHostNorPort_theLogDoes() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start(0);
    String url = closed.url("/v1").toString();
    closed.close();

    LanguageModelException failure =
        failure(
            model(ModelSettings.of("vllm", url, Optional.empty(), "qwen3"), QUICK_RETRIES), HELLO);

    LogRecord logged = disclosed(failure, closed.getHostName(), String.valueOf(closed.getPort()));
    assertThat(logged.getMessage()).contains(closed.getHostName() + ":" + closed.getPort());
    assertThat(logged.getThrown()).isInstanceOf(IOException.class);
  }

  @Test
  void given401WithoutAKey_theUserSeesTheSettingToSet_butNeitherHostNorPortNorTheProvidersWords() {
    server.enqueue(error(401, "{\"error\":{\"message\":\"You didn't provide an API key.\"}}"));
    ModelSettings noKey =
        ModelSettings.of("openai", server.url("/v1").toString(), Optional.empty(), MODEL);

    LanguageModelException failure = failure(model(noKey, QUICK_RETRIES), HELLO);

    assertThat(failure)
        .hasMessageStartingWith("the model provider needs an API key; set LLM_API_KEY");
    disclosed(
        failure,
        server.getHostName(),
        String.valueOf(server.getPort()),
        "You didn't provide an API key");
  }

  @Test
  void given5xxWithAnHtmlBody_theUserSeesAPlainMessage_theLogHasTheBody_once() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          error(502, "<html><body><h1>502 Bad Gateway</h1><hr>nginx/1.25.3</body></html>"));
    }

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(LanguageModelException.Kind.SERVER);
    // Three attempts, one failure: the retried ones are not logged.
    disclosed(
        failure,
        server.getHostName(),
        String.valueOf(server.getPort()),
        "<html",
        "Bad Gateway",
        "nginx",
        "HTTP 502");
  }

  @Test
  void givenAMalformedChunk_theUserNeverSeesTheRawOutput_theLogDoes() {
    String junk = "<<upstream proxy: worker 7 exited with 0xDEAD>>";
    server.enqueue(raw("data: " + text("Hel") + "\n\ndata: " + junk + "\n\n"));

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(LanguageModelException.Kind.BAD_RESPONSE);
    disclosed(
        failure,
        server.getHostName(),
        String.valueOf(server.getPort()),
        junk,
        "upstream proxy",
        "0xDEAD");
  }

  @Test
  void givenATimeout_theUserSeesHowLongItWaited_butNeitherHostNorPortNorTheExceptionName() {
    server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("").build());
    ModelSettings impatient =
        new ModelSettings(
            "openai",
            server.url("/v1").toString(),
            Optional.of(KEY),
            MODEL,
            true,
            false,
            0,
            Duration.ofMillis(200),
            Duration.ofMillis(200));
    RetryPolicy once =
        new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));

    LanguageModelException failure = failure(model(impatient, once), HELLO);

    assertThat(failure.kind()).isEqualTo(LanguageModelException.Kind.TIMEOUT);
    assertThat(failure).hasMessageContaining("did not start answering within 200 ms");
    LogRecord logged = disclosed(failure, server.getHostName(), String.valueOf(server.getPort()));
    assertThat(logged.getThrown()).isInstanceOf(java.io.InterruptedIOException.class);
  }

  /**
   * Checks that the message the person reads has a reference and none of {@code internals}, that
   * one log line has the same reference and all of them, that neither has the key; returns that
   * line.
   */
  private LogRecord disclosed(LanguageModelException failure, String... internals) {
    Matcher reference = REF.matcher(failure.getMessage());
    assertThat(reference.find()).as("a reference ends %s", failure.getMessage()).isTrue();
    String shown = failure.getMessage().substring(0, reference.start());
    assertThat(shown)
        .doesNotContain(internals)
        .doesNotContain("Exception", "http://", "https://", KEY);
    assertThat(records).hasSize(1);
    LogRecord logged = records.get(0);
    assertThat(logged.getMessage())
        .contains(internals)
        .contains("(ref " + reference.group(1) + ")")
        .doesNotContain(KEY);
    assertThat(failure.detail())
        .isEqualTo(logged.getMessage().substring("model call failed: ".length()));
    return logged;
  }
}
