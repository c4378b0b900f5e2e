package dev.tasktalk.adapter.out.llm;

import dev.tasktalk.adapter.out.llm.openai.ModelSettings;
import dev.tasktalk.adapter.out.llm.openai.OpenAiChatKitSessions;
import dev.tasktalk.adapter.out.llm.openai.OpenAiLanguageModel;
import dev.tasktalk.adapter.out.llm.openai.OpenAiTranscriber;
import dev.tasktalk.application.port.out.chatkit.HostedChatKitSessions;
import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.turn.Transcriber;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Owns the one OkHttp client every outbound model-provider call shares (connection pool,
 * dispatcher) and builds the adapters on it, handing them out as ports so no OkHttp type leaves
 * this module.
 */
@ApplicationScoped
public class ModelProviderAdapters {

  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(10))
          .socketFactory(new NoDelaySockets())
          .build();

  public HostedChatKitSessions hostedSessions(String baseUrl, Optional<String> apiKey) {
    return new OpenAiChatKitSessions(http, baseUrl, apiKey);
  }

  public Transcriber transcriber(String baseUrl, Optional<String> apiKey, String model) {
    return new OpenAiTranscriber(http, baseUrl, apiKey, model);
  }

  /**
   * The assistant's model as the environment configures it ({@link ModelSettings#resolve}); empty
   * when no provider, base URL or key is set, so the app falls back to its offline model.
   *
   * @throws IllegalArgumentException when the settings cannot work, naming the one to fix
   */
  public Optional<LanguageModel> languageModel(Function<String, Optional<String>> env) {
    return ModelSettings.resolve(env).map(this::languageModel);
  }

  public LanguageModel languageModel(ModelSettings settings) {
    return new OpenAiLanguageModel(http, settings);
  }

  @PreDestroy
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
