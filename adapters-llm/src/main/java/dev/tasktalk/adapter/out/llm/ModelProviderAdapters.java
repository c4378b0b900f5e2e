package dev.tasktalk.adapter.out.llm;

import dev.tasktalk.adapter.out.llm.openai.OpenAiChatKitSessions;
import dev.tasktalk.adapter.out.llm.openai.OpenAiTranscriber;
import dev.tasktalk.application.port.out.chatkit.HostedChatKitSessions;
import dev.tasktalk.application.port.out.turn.Transcriber;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Owns the one OkHttp client every outbound model-provider call shares (connection pool, dispatcher)
 * and builds the adapters on it, handing them out as ports so no OkHttp type leaves this module.
 */
@ApplicationScoped
public class ModelProviderAdapters {

  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  public HostedChatKitSessions hostedSessions(String baseUrl, Optional<String> apiKey) {
    return new OpenAiChatKitSessions(http, baseUrl, apiKey);
  }

  public Transcriber transcriber(String baseUrl, Optional<String> apiKey, String model) {
    return new OpenAiTranscriber(http, baseUrl, apiKey, model);
  }

  @PreDestroy
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
