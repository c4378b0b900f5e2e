package dev.tasktalk.adapter.out.llm.openai;

import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.AUTHENTICATION;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.BAD_REQUEST;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.CONTEXT_TOO_LONG;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.QUOTA;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.RATE_LIMITED;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.SERVER;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.TIMEOUT;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelEvent.TextDelta;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiLanguageModelFailureTest extends ModelServerTestBase {

  @Test
  void given401_stream_failsAsAuthentication_withoutRetryingOrShowingTheKey() {
    server.enqueue(
        error(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY
                + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(AUTHENTICATION);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure)
        .hasMessageMatching(
            userMessage("the model provider rejected the API key; check LLM_API_KEY"));
    assertThat(failure.detail())
        .contains("HTTP 401", "Incorrect API key provided")
        .doesNotContain(KEY);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void given401WithoutAKey_stream_saysAKeyIsNeeded() {
    server.enqueue(error(401, "{\"error\":{\"message\":\"You didn't provide an API key.\"}}"));
    ModelSettings noKey =
        ModelSettings.of("openai", server.url("/v1").toString(), Optional.empty(), MODEL);

    assertThat(failure(model(noKey, QUICK_RETRIES), HELLO))
        .hasMessageContaining("needs an API key; set LLM_API_KEY");
  }

  @Test
  void given403_stream_failsAsAuthentication_keepingTheProvidersReasonForTheLog_butNeverTheKey() {
    server.enqueue(
        error(
            403,
            "{\"error\":{\"message\":\"Country, region, or territory not supported (key "
                + KEY
                + ")\",\"type\":\"request_forbidden\",\"code\":\"unsupported_country_region_territory\"}}"));

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(AUTHENTICATION);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure)
        .hasMessageContaining("check LLM_API_KEY")
        .hasMessageNotContaining("Country")
        .hasMessageNotContaining(KEY);
    assertThat(failure.detail())
        .contains("HTTP 403", "Country, region, or territory not supported")
        .doesNotContain(KEY);
  }

  @Test
  void given404_stream_namesTheUnknownModel() {
    server.enqueue(
        error(
            404,
            "{\"error\":{\"message\":\"The model `gpt-4.1-mini` does not exist or you do not have"
                + " access to"
                + " it.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}"));

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(BAD_REQUEST);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure)
        .hasMessageStartingWith("the model provider does not know the model " + MODEL)
        .hasMessageContaining("check LLM_MODEL")
        .hasMessageNotContaining(server.getHostName());
    assertThat(failure.detail())
        .contains(
            server.getHostName() + ":" + server.getPort(),
            "HTTP 404",
            "does not exist or you do not have access to it");
  }

  @Test
  void given400ContextLengthExceeded_stream_failsAsContextTooLong() {
    server.enqueue(
        error(
            400,
            "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens."
                + " However, your messages resulted in 130000"
                + " tokens.\",\"type\":\"invalid_request_error\","
                + "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));
    // vLLM says so only in words.
    server.enqueue(
        error(
            400,
            "{\"object\":\"error\",\"message\":\"This model's maximum context length is 8192"
                + " tokens. However, you requested 9000"
                + " tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"));

    for (int i = 0; i < 2; i++) {
      LanguageModelException failure = failure(model(), HELLO);
      assertThat(failure.kind()).isEqualTo(CONTEXT_TOO_LONG);
      assertThat(failure.retryable()).isFalse();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void given400_stream_failsAsABadRequest_withTheProvidersMessage() {
    server.enqueue(
        error(
            400,
            "{\"error\":{\"message\":\"Invalid schema for function 'add_todo'.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"tools[0]\",\"code\":\"invalid_function_parameters\"}}"));

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(BAD_REQUEST);
    assertThat(failure).hasMessageMatching(userMessage("the model provider refused the request"));
    assertThat(failure.detail()).contains("HTTP 400: Invalid schema for function 'add_todo'.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void given429InsufficientQuotaOr402_stream_failsAsQuota_withoutRetrying() {
    server.enqueue(
        error(
            429,
            "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and"
                + " billing"
                + " details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}"));
    server.enqueue(error(402, "{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}"));

    for (int i = 0; i < 2; i++) {
      LanguageModelException failure = failure(model(), HELLO);
      assertThat(failure.kind()).isEqualTo(QUOTA);
      assertThat(failure.retryable()).isFalse();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void given429_stream_retriesTwice_thenFailsAsRateLimited() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          error(
              429,
              "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1-mini on requests per min"
                  + " (RPM): Limit 3, Used"
                  + " 3.\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
    }

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(RATE_LIMITED);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure)
        .hasMessageContaining("try again shortly")
        .hasMessageNotContaining("Rate limit reached");
    assertThat(failure.detail()).contains("Rate limit reached");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {409, 500, 502, 503, 504})
  void givenTransientStatuses_stream_failsAsServer_afterRetrying(int status) {
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(status, "<html><body>Bad gateway</body></html>"));
    }

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(SERVER);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure)
        .hasMessageMatching(userMessage("the model provider had a problem; try again"));
    assertThat(failure.detail()).contains("HTTP " + status, "Bad gateway");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void given408_stream_failsAsServer_afterRetrying() {
    // OkHttp itself repeats a 408 once before we see it, so each of our attempts may take two.
    for (int i = 0; i < 6; i++) {
      server.enqueue(error(408, ""));
    }

    LanguageModelException failure = failure(model(), HELLO);

    assertThat(failure.kind()).isEqualTo(SERVER);
    assertThat(failure.retryable()).isTrue();
    assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void givenAFailureThenSuccess_stream_retriesAndStreamsTheAnswer() {
    server.enqueue(
        error(
            503,
            "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}"));
    server.enqueue(sse(text("Hi"), finish("stop")));

    assertThat(events(model(), HELLO))
        .containsExactly(new TextDelta("Hi"), new ModelEvent.Finished("stop", null, null));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void givenRetryAfterMs_stream_waitsThatLongBeforeRetrying() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("retry-after-ms", "400")
            .setHeader("retry-after", "30")
            .body("{\"error\":{\"message\":\"slow down\"}}")
            .build());
    server.enqueue(sse(text("Hi"), finish("stop")));

    long started = System.nanoTime();
    events(model(), HELLO);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(400), Duration.ofSeconds(2));
  }

  @Test
  void givenRetryAfterSeconds_stream_waitsThatLong_capped() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("retry-after", "0.3").build());
    server.enqueue(new MockResponse.Builder().code(503).setHeader("retry-after", "3600").build());
    server.enqueue(sse(text("Hi"), finish("stop")));
    RetryPolicy capped =
        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(400));

    long started = System.nanoTime();
    events(model(settings(), capped), HELLO);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(700), Duration.ofMillis(2500));
  }

  @Test
  void givenXShouldRetry_stream_followsTheServer() {
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("x-should-retry", "false").build());
    server.enqueue(
        new MockResponse.Builder().code(400).setHeader("x-should-retry", "true").build());
    server.enqueue(sse(text("Hi"), finish("stop")));

    assertThat(failure(model(), HELLO).kind()).isEqualTo(SERVER);
    assertThat(events(model(), HELLO)).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void givenNoRetriesConfigured_stream_triesOnce() {
    server.enqueue(error(500, ""));
    RetryPolicy none =
        new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(1));

    assertThat(failure(model(settings(), none), HELLO).kind()).isEqualTo(SERVER);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givenNothingListening_stream_failsAsUnreachable_namingTheHostInTheLogOnly()
      throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start(0);
    String url = closed.url("/v1").toString();
    closed.close();

    LanguageModelException failure =
        failure(
            model(ModelSettings.of("vllm", url, Optional.empty(), "qwen3"), QUICK_RETRIES), HELLO);

    assertThat(failure.kind()).isEqualTo(UNREACHABLE);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure)
        .hasMessageNotContaining(closed.getHostName())
        .hasMessageContaining("LLM_BASE_URL");
    assertThat(failure.detail()).contains(closed.getHostName() + ":" + closed.getPort());
  }

  @Test
  void givenAnUnknownHost_stream_retries_thenFailsAsUnreachable() {
    int[] lookups = {0};
    OkHttpClient noDns =
        shared
            .newBuilder()
            .dns(
                host -> {
                  lookups[0]++;
                  throw new UnknownHostException(host);
                })
            .build();
    OpenAiLanguageModel model =
        new OpenAiLanguageModel(
            noDns,
            ModelSettings.of("openai", "https://llm.example.invalid/v1", Optional.of(KEY), MODEL),
            QUICK_RETRIES,
            io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultExecutor());

    LanguageModelException failure = failure(model, HELLO);

    assertThat(failure.kind()).isEqualTo(UNREACHABLE);
    assertThat(failure)
        .hasMessageMatching(
            userMessage(
                "cannot reach the model provider: its host is unknown; check LLM_BASE_URL"));
    assertThat(failure.detail()).contains("the host llm.example.invalid is unknown");
    assertThat(lookups[0]).isEqualTo(3);
  }

  @Test
  void givenNoHeadersInTime_stream_failsAsTimeout() {
    server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("").build());

    LanguageModelException failure = failure(model(timeouts(200, 200), noRetries()), HELLO);

    assertThat(failure.kind()).isEqualTo(TIMEOUT);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure).hasMessageContaining("did not start answering within 200 ms");
  }

  @Test
  void givenAFirstEventTooLate_stream_retries() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/event-stream")
            .bodyDelay(1, TimeUnit.SECONDS)
            .body("data: " + text("late") + "\n\n")
            .build());
    server.enqueue(sse(text("Hi"), finish("stop")));
    RetryPolicy once =
        new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));

    assertThat(events(model(timeouts(200, 200), once), HELLO)).startsWith(new TextDelta("Hi"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void givenAPauseLongerThanTheIdleTimeout_stream_failsAsTimeout_withoutRetrying() {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(
        streaming(
            sink -> {
              sink.writeUtf8("data: " + text("Hel") + "\n\n").flush();
              await(release, 5000);
            }));
    server.enqueue(sse(text("second attempt"), finish("stop")));

    var subscriber =
        model(timeouts(5000, 300), QUICK_RETRIES).stream(HELLO)
            .subscribe()
            .withSubscriber(AssertSubscriber.<ModelEvent>create(Long.MAX_VALUE))
            .awaitFailure(WAIT);
    release.countDown();

    assertThat(subscriber.getItems()).containsExactly(new TextDelta("Hel"));
    LanguageModelException failure = (LanguageModelException) subscriber.getFailure();
    assertThat(failure.kind()).isEqualTo(TIMEOUT);
    assertThat(failure).hasMessageContaining("stopped answering for 300 ms");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givenKeepAlives_stream_waitsPastTheTimeoutForTheFirstEvent() {
    server.enqueue(
        streaming(
            sink -> {
              for (int i = 0; i < 4; i++) {
                sink.writeUtf8(": OPENROUTER PROCESSING\n\n").flush();
                sleep(100);
              }
              sink.writeUtf8(
                  "data: " + text("Hi") + "\n\ndata: " + finish("stop") + "\n\ndata: [DONE]\n\n");
            }));

    assertThat(events(model(timeouts(250, 250), noRetries()), HELLO))
        .startsWith(new TextDelta("Hi"));
  }

  @Test
  void givenTheSubscriberCancels_stream_cancelsTheCall_andTheServerSeesTheConnectionClose()
      throws Exception {
    CountDownLatch callCanceled = new CountDownLatch(1);
    CountDownLatch serverSawClose = new CountDownLatch(1);
    OkHttpClient listened =
        shared
            .newBuilder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void canceled(Call call) {
                    callCanceled.countDown();
                  }
                })
            .build();
    server.enqueue(
        streaming(
            sink -> {
              sink.writeUtf8("data: " + text("Hel") + "\n\n").flush();
              try {
                for (int i = 0; i < 100; i++) {
                  sleep(50);
                  sink.writeUtf8(": keep-alive\n\n").flush();
                }
              } catch (IOException closed) {
                serverSawClose.countDown();
                throw closed;
              }
            }));
    OpenAiLanguageModel model =
        new OpenAiLanguageModel(
            listened,
            settings(),
            QUICK_RETRIES,
            io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultExecutor());

    var subscriber =
        model.stream(HELLO).subscribe().withSubscriber(AssertSubscriber.<ModelEvent>create(10));
    subscriber.awaitItems(1, WAIT).cancel();

    assertThat(callCanceled.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(serverSawClose.await(3, TimeUnit.SECONDS)).isTrue();
    assertThat(subscriber.getItems()).containsExactly(new TextDelta("Hel"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givenTheSubscriberCancelsDuringABackoff_stream_sendsNoMoreRequests() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(429).setHeader("retry-after-ms", "1000").build());
    server.enqueue(sse(text("Hi"), finish("stop")));

    var subscriber =
        model().stream(HELLO).subscribe().withSubscriber(AssertSubscriber.<ModelEvent>create(10));
    server.takeRequest(1, TimeUnit.SECONDS);
    subscriber.cancel();
    Thread.sleep(1300);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(subscriber.getItems()).isEmpty();
  }

  private ModelSettings timeouts(long firstByteMillis, long idleMillis) {
    return new ModelSettings(
        "openai",
        server.url("/v1").toString(),
        Optional.of(KEY),
        MODEL,
        true,
        false,
        0,
        Duration.ofMillis(firstByteMillis),
        Duration.ofMillis(idleMillis));
  }

  private static RetryPolicy noRetries() {
    return new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));
  }

  /** An event stream written by {@code writer} as the test directs, e.g. pausing mid-answer. */
  private static MockResponse streaming(BodyWriter writer) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/event-stream")
        .body(
            new MockResponseBody() {
              @Override
              public long getContentLength() {
                return -1;
              }

              @Override
              public void writeTo(BufferedSink sink) throws IOException {
                writer.write(sink);
              }
            })
        .build();
  }

  private interface BodyWriter {
    void write(BufferedSink sink) throws IOException;
  }

  private static void await(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
