package dev.tasktalk.bootstrap.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The application's settings, read through MicroProfile Config so that each key can be an
 * environment variable; blank values count as unset. The names are the ones README.md documents.
 */
@ApplicationScoped
public class TasktalkSettings {

  private static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

  @Inject Config config;

  /** Any setting by its name; blank counts as unset. */
  public Optional<String> get(String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
  }

  /**
   * How long an instance counts as alive after its last heartbeat ({@code TASKTALK_LEASE_SECONDS},
   * default 15): a dead instance's threads take new messages within about that long.
   */
  public Duration lease() {
    return Duration.ofSeconds(get("TASKTALK_LEASE_SECONDS").map(Long::parseLong).orElse(15L));
  }

  /** Whether the database is the launcher's embedded one, which no other instance can share. */
  public boolean embeddedDatabase() {
    return get("tasktalk.db.mode").map("embedded"::equalsIgnoreCase).orElse(false);
  }

  public Optional<String> publicBaseUrl() {
    return get("PUBLIC_BASE_URL");
  }

  public long maxAttachmentBytes() {
    return get("TASKTALK_MAX_ATTACHMENT_BYTES")
        .map(Long::parseLong)
        .orElse(DEFAULT_MAX_ATTACHMENT_BYTES);
  }

  public Optional<String> llmBaseUrl() {
    return get("LLM_BASE_URL");
  }

  /**
   * The model provider's key: {@code LLM_API_KEY}, else the provider-specific variables in turn.
   */
  public Optional<String> llmApiKey() {
    return get("LLM_API_KEY")
        .or(() -> get("OPENAI_API_KEY"))
        .or(() -> get("GEMINI_API_KEY"))
        .or(() -> get("XIAOMI_API_KEY"));
  }

  public Optional<String> transcriptionModel() {
    return get("LLM_TRANSCRIPTION_MODEL");
  }

  public Optional<String> openAiApiKey() {
    return get("OPENAI_API_KEY");
  }

  public Optional<String> openAiBaseUrl() {
    return get("OPENAI_BASE_URL");
  }

  public Optional<String> chatKitWorkflowId() {
    return get("CHATKIT_WORKFLOW_ID");
  }
}
