package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The assistant's model behind any OpenAI-compatible Chat Completions API, streamed: text and
 * reasoning as they arrive, then each complete tool call, then how the answer finished.
 */
public final class OpenAiLanguageModel implements LanguageModel {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final ModelSettings settings;
  private final HttpUrl endpoint;
  private final StreamingCall.Parts parts;
  private final Executor executor;

  /** Calls through {@code http}, the application's shared client, with the settings' timeouts. */
  public OpenAiLanguageModel(OkHttpClient http, ModelSettings settings) {
    this(
        http,
        settings,
        RetryPolicy.defaults(settings.maxRetries()),
        Infrastructure.getDefaultExecutor());
  }

  /**
   * {@code executor} runs the blocking reads, one task per answer; it must not be bounded tightly.
   */
  OpenAiLanguageModel(
      OkHttpClient http, ModelSettings settings, RetryPolicy retries, Executor executor) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.executor = Objects.requireNonNull(executor, "executor");
    // The read timeout only guards the wait for the headers; the body's timeouts are set as it
    // streams. No call timeout: an answer may rightly stream for minutes.
    this.http =
        http.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(settings.firstByteTimeout())
            .callTimeout(Duration.ZERO)
            .build();
    this.endpoint = OpenAiHttp.endpoint(settings.baseUrl(), "chat/completions");
    this.parts =
        new StreamingCall.Parts(
            settings, retries, new ErrorMapper(settings, endpoint, CONNECT_TIMEOUT));
  }

  @Override
  public Multi<ModelEvent> stream(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    return Multi.createFrom()
        .<ModelEvent>emitter(
            emitter -> {
              StreamingCall call =
                  new StreamingCall(
                      http,
                      includeUsage -> httpRequest(request, includeUsage),
                      parts,
                      new ToolCallIds(request.messages()),
                      emitter);
              emitter.onTermination(call::cancel);
              executor.execute(call);
            },
            BackPressureStrategy.BUFFER);
  }

  @Override
  public String modelName() {
    return settings.model();
  }

  private Request httpRequest(ModelRequest request, boolean includeUsage) {
    String body =
        ChatCompletionsRequest.forModel(settings.model())
            .messages(request.messages())
            .tools(request.tools())
            .includeUsage(includeUsage)
            .passBackReasoning(settings.passBackReasoning())
            .toJson();
    Request.Builder builder =
        new Request.Builder()
            .url(endpoint)
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
    settings.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    return builder.build();
  }
}
