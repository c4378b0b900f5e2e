package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.adapter.out.llm.ModelProviderAdapters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

  private final Map<String, String> env = new HashMap<>();

  private Optional<ModelSettings> resolve() {
    return ModelSettings.resolve(name -> Optional.ofNullable(env.get(name)));
  }

  private ModelSettings resolved() {
    return resolve().orElseThrow();
  }

  @Test
  void givenNothingConfigured_resolve_isEmpty() {
    env.put("LLM_MODEL", "gpt-4.1");
    env.put("LLM_API_KEY", "  ");

    assertThat(resolve()).isEmpty();
  }

  @Test
  void givenProviderOffline_resolve_isEmpty_evenWithAKey() {
    env.put("LLM_PROVIDER", "offline");
    env.put("OPENAI_API_KEY", "sk-1");

    assertThat(resolve()).isEmpty();
  }

  @Test
  void givenOpenAi_resolve_usesThePresetAndDefaults() {
    env.put("LLM_PROVIDER", "OpenAI");
    env.put("OPENAI_API_KEY", "sk-openai");

    assertThat(resolved())
        .isEqualTo(
            new ModelSettings(
                "openai",
                "https://api.openai.com/v1",
                Optional.of("sk-openai"),
                "gpt-4.1-mini",
                true,
                false,
                2,
                Duration.ofSeconds(60),
                Duration.ofSeconds(30)));
  }

  @Test
  void givenEachPreset_resolve_knowsItsBaseUrlAndModel() {
    String[][] presets = {
      {"gemini", "https://generativelanguage.googleapis.com/v1beta/openai", "gemini-2.5-flash"},
      {"mimo", "https://api.xiaomimimo.com/v1", "mimo-v2-flash"},
      {"ollama", "http://localhost:11434/v1", "llama3.2"},
      {"openrouter", "https://openrouter.ai/api/v1", "openai/gpt-4.1-mini"}
    };
    for (String[] preset : presets) {
      env.put("LLM_PROVIDER", preset[0]);

      ModelSettings settings = resolved();

      assertThat(settings.provider()).isEqualTo(preset[0]);
      assertThat(settings.baseUrl()).isEqualTo(preset[1]);
      assertThat(settings.model()).isEqualTo(preset[2]);
      assertThat(settings.passBackReasoning()).isEqualTo(preset[0].equals("mimo"));
    }
  }

  @Test
  void givenVllmWithoutAModel_resolve_asksForLlmModel() {
    env.put("LLM_PROVIDER", "vllm");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLM_MODEL");

    env.put("LLM_MODEL", "Qwen/Qwen3-8B");
    assertThat(resolved().baseUrl()).isEqualTo("http://localhost:8000/v1");
    assertThat(resolved().apiKey()).isEmpty();
  }

  @Test
  void givenABaseUrl_resolve_overridesThePreset_orMakesAGenericProvider() {
    env.put("LLM_PROVIDER", "ollama");
    env.put("LLM_BASE_URL", "http://gpu-box:11434/v1/");
    assertThat(resolved().provider()).isEqualTo("ollama");
    assertThat(resolved().baseUrl()).isEqualTo("http://gpu-box:11434/v1/");

    env.remove("LLM_PROVIDER");
    env.put("LLM_MODEL", "my-model");
    assertThat(resolved().provider()).isEqualTo(ModelSettings.GENERIC);
    assertThat(resolved().model()).isEqualTo("my-model");
  }

  @Test
  void givenAnUnknownProvider_resolve_needsABaseUrl() {
    env.put("LLM_PROVIDER", "deepseek");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLM_PROVIDER=deepseek")
        .hasMessageContaining("LLM_BASE_URL");

    env.put("LLM_BASE_URL", "https://api.deepseek.com/v1");
    env.put("LLM_MODEL", "deepseek-chat");
    assertThat(resolved().provider()).isEqualTo("deepseek");
  }

  @Test
  void givenOnlyAKey_resolve_picksTheProviderItBelongsTo() {
    env.put("GEMINI_API_KEY", "gem-key");
    assertThat(resolved().provider()).isEqualTo("gemini");
    assertThat(resolved().apiKey()).contains("gem-key");

    env.put("OPENAI_API_KEY", "sk-openai");
    assertThat(resolved().provider()).isEqualTo("openai");
  }

  @Test
  void resolve_prefersLlmApiKey_thenTheProvidersOwnKey_neverAnotherProvidersKey() {
    env.put("LLM_PROVIDER", "gemini");
    env.put("OPENAI_API_KEY", "sk-openai");
    assertThat(resolved().apiKey()).isEmpty();

    env.put("GEMINI_API_KEY", "gem-key");
    assertThat(resolved().apiKey()).contains("gem-key");

    env.put("LLM_API_KEY", "llm-key");
    assertThat(resolved().apiKey()).contains("llm-key");

    env.remove("LLM_API_KEY");
    env.put("LLM_PROVIDER", "mimo");
    env.put("XIAOMI_API_KEY", "mimo-key");
    assertThat(resolved().apiKey()).contains("mimo-key");
  }

  @Test
  void givenAGenericBaseUrl_resolve_fallsBackThroughTheKnownKeys() {
    env.put("LLM_BASE_URL", "http://proxy:4000/v1");
    env.put("XIAOMI_API_KEY", "mimo-key");
    assertThat(resolved().apiKey()).contains("mimo-key");

    env.put("OPENAI_API_KEY", "sk-openai");
    assertThat(resolved().apiKey()).contains("sk-openai");
    assertThat(resolved().model()).isEqualTo("gpt-4.1-mini");
  }

  @Test
  void resolve_readsTheQuirkAndLimitOverrides() {
    env.put("LLM_PROVIDER", "openai");
    env.put("LLM_STREAM_USAGE", "false");
    env.put("LLM_PASS_BACK_REASONING", "yes");
    env.put("LLM_MAX_RETRIES", "5");
    env.put("LLM_FIRST_BYTE_TIMEOUT_SECONDS", "120");
    env.put("LLM_IDLE_TIMEOUT_SECONDS", "45");

    ModelSettings settings = resolved();

    assertThat(settings.includeStreamUsage()).isFalse();
    assertThat(settings.passBackReasoning()).isTrue();
    assertThat(settings.maxRetries()).isEqualTo(5);
    assertThat(settings.firstByteTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void resolve_refusesSettingsThatCannotWork_sayingWhich() {
    env.put("LLM_PROVIDER", "openai");
    env.put("LLM_MAX_RETRIES", "many");
    assertThatThrownBy(this::resolve).hasMessageContaining("LLM_MAX_RETRIES");

    env.remove("LLM_MAX_RETRIES");
    env.put("LLM_IDLE_TIMEOUT_SECONDS", "0");
    assertThatThrownBy(this::resolve).hasMessageContaining("LLM_IDLE_TIMEOUT_SECONDS");

    env.remove("LLM_IDLE_TIMEOUT_SECONDS");
    env.put("LLM_STREAM_USAGE", "maybe");
    assertThatThrownBy(this::resolve).hasMessageContaining("LLM_STREAM_USAGE");

    env.remove("LLM_STREAM_USAGE");
    env.put("LLM_BASE_URL", "localhost:11434");
    assertThatThrownBy(this::resolve).hasMessageContaining("not an http(s) URL");
  }

  @Test
  void toString_neverShowsTheKey() {
    env.put("OPENAI_API_KEY", "sk-very-secret");

    assertThat(resolved().toString()).doesNotContain("sk-very-secret").contains("apiKey=***");
  }

  @Test
  void modelProviderAdapters_languageModel_isEmptyWithoutSettings_andNamesTheModelWithThem() {
    ModelProviderAdapters adapters = new ModelProviderAdapters();

    assertThat(adapters.languageModel(name -> Optional.empty())).isEmpty();
    env.put("LLM_PROVIDER", "gemini");
    assertThat(adapters.languageModel(name -> Optional.ofNullable(env.get(name))))
        .hasValueSatisfying(model -> assertThat(model.modelName()).isEqualTo("gemini-2.5-flash"));
  }
}
