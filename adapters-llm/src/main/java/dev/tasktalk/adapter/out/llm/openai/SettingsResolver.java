package dev.tasktalk.adapter.out.llm.openai;

import static dev.tasktalk.adapter.out.llm.openai.ModelSettings.DEFAULT_FIRST_BYTE_TIMEOUT;
import static dev.tasktalk.adapter.out.llm.openai.ModelSettings.DEFAULT_IDLE_TIMEOUT;
import static dev.tasktalk.adapter.out.llm.openai.ModelSettings.DEFAULT_MAX_RETRIES;
import static dev.tasktalk.adapter.out.llm.openai.ModelSettings.GENERIC;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The environment lookups behind {@link ModelSettings#resolve}; blank values count as unset. */
record SettingsResolver(Function<String, Optional<String>> env) {

  private static final String OFFLINE = "offline";
  // A base URL without a provider is most often a proxy in front of OpenAI (or a stand-in for it).
  private static final String GENERIC_DEFAULT_MODEL = ProviderPreset.OPENAI.defaultModel;

  Optional<ModelSettings> settings() {
    Optional<String> named = get("LLM_PROVIDER").map(name -> name.toLowerCase(Locale.ROOT));
    Optional<String> baseUrl = get("LLM_BASE_URL");
    if (named.filter(OFFLINE::equals).isPresent()) {
      return Optional.empty();
    }
    ProviderPreset preset;
    String provider;
    if (named.isPresent()) {
      preset = ProviderPreset.named(named.get()).orElse(null);
      if (preset == null && baseUrl.isEmpty()) {
        throw new IllegalArgumentException(
            "LLM_PROVIDER="
                + named.get()
                + " is not one Tasktalk knows ("
                + ProviderPreset.names()
                + ", "
                + OFFLINE
                + "); set LLM_BASE_URL to use another "
                + "OpenAI-compatible API");
      }
      provider = named.get();
    } else if (baseUrl.isPresent()) {
      preset = null;
      provider = GENERIC;
    } else {
      preset = presetOfAKey().orElse(null);
      if (preset == null) {
        return Optional.empty();
      }
      provider = preset.id;
    }
    String model =
        get("LLM_MODEL").orElse(preset == null ? GENERIC_DEFAULT_MODEL : preset.defaultModel);
    if (model == null) {
      throw new IllegalArgumentException(
          "LLM_PROVIDER="
              + provider
              + " needs LLM_MODEL: the name the server serves the model under");
    }
    // Without LLM_BASE_URL a preset was found above, so it has a base URL to offer.
    String url = baseUrl.isPresent() ? baseUrl.get() : preset.baseUrl;
    return Optional.of(
        new ModelSettings(
            provider,
            url,
            apiKey(preset),
            model,
            flag("LLM_STREAM_USAGE", true),
            flag("LLM_PASS_BACK_REASONING", preset != null && preset.passBackReasoning),
            (int) number("LLM_MAX_RETRIES", DEFAULT_MAX_RETRIES, 0, 10),
            seconds("LLM_FIRST_BYTE_TIMEOUT_SECONDS", DEFAULT_FIRST_BYTE_TIMEOUT),
            seconds("LLM_IDLE_TIMEOUT_SECONDS", DEFAULT_IDLE_TIMEOUT)));
  }

  /**
   * With neither a provider nor a base URL, a provider's own key variable says which one is meant.
   */
  private Optional<ProviderPreset> presetOfAKey() {
    if (get("LLM_API_KEY").isPresent()) {
      return Optional.of(ProviderPreset.OPENAI);
    }
    for (ProviderPreset preset : ProviderPreset.values()) {
      if (preset.keyVariables.stream().anyMatch(name -> get(name).isPresent())) {
        return Optional.of(preset);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code LLM_API_KEY}, else the preset's own variable: a key issued by one provider is never sent
   * to another. A base URL without a preset may use any of the well-known keys, in the documented
   * order.
   */
  private Optional<String> apiKey(ProviderPreset preset) {
    Optional<String> key = get("LLM_API_KEY");
    var fallbacks =
        preset == null
            ? List.of("OPENAI_API_KEY", "GEMINI_API_KEY", "XIAOMI_API_KEY")
            : preset.keyVariables;
    for (String name : fallbacks) {
      key = key.or(() -> get(name));
    }
    return key;
  }

  private boolean flag(String name, boolean fallback) {
    return get(name)
        .map(
            value ->
                switch (value.toLowerCase(Locale.ROOT)) {
                  case "true", "yes", "1", "on" -> true;
                  case "false", "no", "0", "off" -> false;
                  default ->
                      throw new IllegalArgumentException(
                          name + " must be true or false, not " + value);
                })
        .orElse(fallback);
  }

  private Duration seconds(String name, Duration fallback) {
    return Duration.ofSeconds(number(name, fallback.toSeconds(), 1, 3600));
  }

  private long number(String name, long fallback, long min, long max) {
    return get(name)
        .map(
            value -> {
              try {
                long parsed = Long.parseLong(value);
                if (parsed >= min && parsed <= max) {
                  return parsed;
                }
              } catch (NumberFormatException notANumber) {
                // Reported below together with the range.
              }
              throw new IllegalArgumentException(
                  name + " must be a whole number from " + min + " to " + max + ", not " + value);
            })
        .orElse(fallback);
  }

  private Optional<String> get(String name) {
    return env.apply(name).map(String::strip).filter(value -> !value.isEmpty());
  }
}
