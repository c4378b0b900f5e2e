package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A MockWebServer playing an OpenAI-compatible provider, and helpers to stream from it. */
abstract class ModelServerTestBase {

  static final String KEY = "sk-test-9f8e7d6c5b4a";
  static final String MODEL = "gpt-4.1-mini";
  static final Duration WAIT = Duration.ofSeconds(5);

  /**
   * How a failure's reference ends the user message and the log line: {@code " (ref 1a2b3c4d)"}.
   */
  static final String REFERENCE = " \\(ref [0-9a-f]{8}\\)";

  static final ModelRequest HELLO =
      new ModelRequest(List.of(new ModelMessage.User("Hello")), List.of());

  /** Fast retries, so retry tests take milliseconds. */
  static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(2));

  final OkHttpClient shared = new OkHttpClient();
  MockWebServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start(0);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  ModelSettings settings() {
    return ModelSettings.of("openai", server.url("/v1").toString(), Optional.of(KEY), MODEL);
  }

  OpenAiLanguageModel model() {
    return model(settings(), QUICK_RETRIES);
  }

  OpenAiLanguageModel model(ModelSettings settings, RetryPolicy retries) {
    return new OpenAiLanguageModel(shared, settings, retries, Infrastructure.getDefaultExecutor());
  }

  /**
   * A user message as the adapter hands it out: {@code text}, then the reference the log line also
   * has.
   */
  static String userMessage(String text) {
    return Pattern.quote(text) + REFERENCE;
  }

  static List<ModelEvent> events(OpenAiLanguageModel model, ModelRequest request) {
    return model.stream(request)
        .subscribe()
        .withSubscriber(AssertSubscriber.<ModelEvent>create(Long.MAX_VALUE))
        .awaitCompletion(WAIT)
        .getItems();
  }

  static LanguageModelException failure(OpenAiLanguageModel model, ModelRequest request) {
    return (LanguageModelException)
        model.stream(request)
            .subscribe()
            .withSubscriber(AssertSubscriber.<ModelEvent>create(Long.MAX_VALUE))
            .awaitFailure(WAIT)
            .getFailure();
  }

  JsonNode sentBody() throws InterruptedException {
    RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
    return JsonMapper.shared().readTree(sent.getBody().utf8());
  }

  /**
   * A {@code text/event-stream} answer whose events carry these data payloads, then {@code [DONE]}.
   */
  static MockResponse sse(String... payloads) {
    StringBuilder body = new StringBuilder();
    for (String payload : payloads) {
      body.append("data: ").append(payload).append("\n\n");
    }
    return raw(body.append("data: [DONE]\n\n").toString());
  }

  /** A {@code text/event-stream} answer with exactly this body. */
  static MockResponse raw(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/event-stream; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse error(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /**
   * A chunk as OpenAI sends it, with {@code delta} and {@code finish_reason} (a JSON value) in
   * choice 0.
   */
  static String chunk(String delta, String finishReason) {
    return "{\"id\":\"chatcmpl-8xYz\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
               + "\"model\":\"gpt-4.1-mini-2025-04-14\",\"system_fingerprint\":\"fp_1a2b3c\",\"choices\":[{\"index\":0,"
               + "\"delta\":"
        + delta
        + ",\"logprobs\":null,\"finish_reason\":"
        + finishReason
        + "}],\"usage\":null}";
  }

  static String delta(String delta) {
    return chunk(delta, "null");
  }

  static String text(String content) {
    return delta("{\"content\":\"" + content + "\"}");
  }

  static String finish(String reason) {
    return chunk("{}", "\"" + reason + "\"");
  }

  static String usage(long prompt, long completion) {
    return "{\"id\":\"chatcmpl-8xYz\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4.1-mini-2025-04-14\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
        + prompt
        + ",\"completion_tokens\":"
        + completion
        + ",\"total_tokens\":"
        + (prompt + completion)
        + ",\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";
  }

  /** The tool calls requested in {@code events}. */
  static List<dev.tasktalk.application.port.out.llm.ToolCall> calls(List<ModelEvent> events) {
    return events.stream()
        .filter(ModelEvent.ToolCallRequested.class::isInstance)
        .map(event -> ((ModelEvent.ToolCallRequested) event).call())
        .toList();
  }

  static ModelEvent.Finished finished(List<ModelEvent> events) {
    return (ModelEvent.Finished) events.get(events.size() - 1);
  }
}
