package dev.tasktalk.adapter.out.llm.openai;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Which OpenAI-compatible model the assistant calls, with the provider's quirks and the call's
 * retry and timeout limits; {@link #resolve} reads them from the environment.
 *
 * @param provider a preset name ({@code openai}, {@code gemini}, …) or {@value #GENERIC}
 * @param includeStreamUsage whether to ask for the final usage chunk ({@code stream_options})
 * @param passBackReasoning whether assistant messages carry their {@code reasoning_content} back
 * @param maxRetries how often a call is retried before its answer starts streaming
 * @param firstByteTimeout how long to wait for the answer to start
 * @param idleTimeout how long the answer may pause between chunks once it has started
 */
public record ModelSettings(
    String provider,
    String baseUrl,
    Optional<String> apiKey,
    String model,
    boolean includeStreamUsage,
    boolean passBackReasoning,
    int maxRetries,
    Duration firstByteTimeout,
    Duration idleTimeout) {

  /** The provider name for a base URL that matches no preset. */
  public static final String GENERIC = "openai-compatible";

  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  public ModelSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(firstByteTimeout, "firstByteTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (baseUrl == null || HttpUrl.parse(baseUrl.strip()) == null) {
      throw new IllegalArgumentException(
          "the model provider's base URL is not an http(s) URL: " + baseUrl);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(
          "no model name for the " + provider + " provider; set LLM_MODEL");
    }
    if (maxRetries < 0
        || firstByteTimeout.isNegative()
        || firstByteTimeout.isZero()
        || idleTimeout.isNegative()
        || idleTimeout.isZero()) {
      throw new IllegalArgumentException("retries must be >= 0 and timeouts positive");
    }
    baseUrl = baseUrl.strip();
    model = model.strip();
    apiKey = apiKey.map(String::strip).filter(key -> !key.isEmpty());
  }

  /** A provider with the default quirks, retries and timeouts. */
  public static ModelSettings of(
      String provider, String baseUrl, Optional<String> apiKey, String model) {
    return new ModelSettings(
        provider,
        baseUrl,
        apiKey,
        model,
        true,
        false,
        DEFAULT_MAX_RETRIES,
        DEFAULT_FIRST_BYTE_TIMEOUT,
        DEFAULT_IDLE_TIMEOUT);
  }

  /**
   * Reads {@code LLM_PROVIDER}, {@code LLM_BASE_URL}, {@code LLM_API_KEY} (else the provider's own
   * key variable), {@code LLM_MODEL} and the optional {@code LLM_STREAM_USAGE}, {@code
   * LLM_PASS_BACK_REASONING}, {@code LLM_MAX_RETRIES}, {@code LLM_FIRST_BYTE_TIMEOUT_SECONDS},
   * {@code LLM_IDLE_TIMEOUT_SECONDS}. Empty when nothing names a provider, a base URL or a key (or
   * {@code LLM_PROVIDER=offline}): the app then runs its offline model.
   *
   * @throws IllegalArgumentException for settings that cannot work, saying which one to fix
   */
  public static Optional<ModelSettings> resolve(Function<String, Optional<String>> env) {
    return new SettingsResolver(env).settings();
  }

  /** Never shows the key: settings end up in logs and configuration reports. */
  @Override
  public String toString() {
    return "ModelSettings[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + apiKey.map(key -> "***").orElse("none")
        + ", model="
        + model
        + ", includeStreamUsage="
        + includeStreamUsage
        + ", passBackReasoning="
        + passBackReasoning
        + ", maxRetries="
        + maxRetries
        + ", firstByteTimeout="
        + firstByteTimeout
        + ", idleTimeout="
        + idleTimeout
        + "]";
  }
}
