package dev.tasktalk.adapter.out.llm.openai;

import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a provider said went wrong, read leniently: OpenAI's {@code {"error":{message,type,code}}},
 * vLLM's {@code {"object":"error",…}}, Google's {@code [{"error":{code,message,status}}]}, or plain
 * text.
 */
record ProviderError(String message, String type, String code) {

  static final ProviderError NONE = new ProviderError(null, null, null);

  static ProviderError fromBody(String body) {
    if (body == null || body.isBlank()) {
      return NONE;
    }
    try {
      return fromJson(JsonMapper.shared().readTree(body));
    } catch (JacksonException notJson) {
      // Gateways and proxies answer with HTML or plain text.
      return new ProviderError(body.strip(), null, null);
    }
  }

  static ProviderError fromJson(JsonNode node) {
    JsonNode root = node.isArray() && !node.isEmpty() ? node.get(0) : node;
    JsonNode wrapped = root.path("error");
    JsonNode error = wrapped.isMissingNode() || wrapped.isNull() ? root : wrapped;
    if (error.isString()) {
      return new ProviderError(error.stringValue(), null, null);
    }
    if (!error.isObject()) {
      return new ProviderError(root.toString(), null, null);
    }
    String type = text(error.path("type")).or(() -> text(error.path("status"))).orElse(null);
    return new ProviderError(
        text(error.path("message")).orElse(null), type, text(error.path("code")).orElse(null));
  }

  /** Whether the type or code is {@code value} (providers use either for the same thing). */
  boolean is(String value) {
    return value.equalsIgnoreCase(type) || value.equalsIgnoreCase(code);
  }

  /** A numeric code as vLLM and OpenRouter send it in streamed errors: an HTTP status. */
  OptionalInt status() {
    if (code != null && code.matches("[1-5]\\d\\d")) {
      return OptionalInt.of(Integer.parseInt(code));
    }
    return OptionalInt.empty();
  }

  Optional<String> describe(String apiKey) {
    return Optional.ofNullable(message)
        .filter(m -> !m.isBlank())
        .map(m -> OpenAiHttp.shorten(OpenAiHttp.scrub(m.strip(), apiKey)));
  }

  private static Optional<String> text(JsonNode node) {
    if (node.isString() && !node.stringValue().isBlank()) {
      return Optional.of(node.stringValue());
    }
    return node.isNumber() ? Optional.of(node.asString()) : Optional.empty();
  }
}
