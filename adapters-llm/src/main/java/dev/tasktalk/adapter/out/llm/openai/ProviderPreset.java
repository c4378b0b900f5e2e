package dev.tasktalk.adapter.out.llm.openai;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The OpenAI-compatible providers {@code LLM_PROVIDER} can name: where their API lives, a sensible
 * model, which environment variable holds their key, and the quirks the adapter must know about.
 */
enum ProviderPreset {
  OPENAI("openai", "https://api.openai.com/v1", "gpt-4.1-mini", false, "OPENAI_API_KEY"),
  GEMINI(
      "gemini",
      "https://generativelanguage.googleapis.com/v1beta/openai",
      "gemini-2.5-flash",
      false,
      "GEMINI_API_KEY"),
  // MiMo answers 400 to a tool-call history whose assistant messages lack their reasoning_content.
  MIMO(
      "mimo",
      "https://api.xiaomimimo.com/v1",
      "mimo-v2-flash",
      true,
      "XIAOMI_API_KEY",
      "MIMO_API_KEY"),
  OLLAMA("ollama", "http://localhost:11434/v1", "llama3.2", false),
  // vLLM serves whatever it was started with, so there is no model name to guess.
  VLLM("vllm", "http://localhost:8000/v1", null, false),
  OPENROUTER(
      "openrouter",
      "https://openrouter.ai/api/v1",
      "openai/gpt-4.1-mini",
      false,
      "OPENROUTER_API_KEY");

  final String id;
  final String baseUrl;
  final String defaultModel;
  final boolean passBackReasoning;
  final List<String> keyVariables;

  ProviderPreset(
      String id,
      String baseUrl,
      String defaultModel,
      boolean passBackReasoning,
      String... keyVariables) {
    this.id = id;
    this.baseUrl = baseUrl;
    this.defaultModel = defaultModel;
    this.passBackReasoning = passBackReasoning;
    this.keyVariables = List.of(keyVariables);
  }

  static Optional<ProviderPreset> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(preset -> preset.id.equals(wanted)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(preset -> preset.id).collect(Collectors.joining(", "));
  }
}
