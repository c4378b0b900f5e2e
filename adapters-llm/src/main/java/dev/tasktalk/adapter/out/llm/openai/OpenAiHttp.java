package dev.tasktalk.adapter.out.llm.openai;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the OpenAI-style adapters share: endpoint URLs under a configured base, and failure
 * descriptions a person can act on that never contain the API key.
 */
final class OpenAiHttp {

  private static final int MAX_MESSAGE = 300;

  private OpenAiHttp() {}

  /** {@code path} under {@code baseUrl}, with or without a trailing slash on the base. */
  static HttpUrl endpoint(String baseUrl, String path) {
    HttpUrl base = HttpUrl.parse(baseUrl.strip());
    if (base == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    return base.newBuilder().addPathSegments(path).build();
  }

  /** {@code HTTP 401: <the provider's error message>}, the key masked if the provider echoed it. */
  static String describe(int status, String body, String apiKey) {
    String message = providerMessage(body).map(m -> ": " + m).orElse("");
    return scrub("HTTP " + status + message, apiKey);
  }

  /** An I/O failure, phrased for a configuration report rather than a stack trace. */
  static String describe(IOException e, Duration timeout, String apiKey) {
    if (e instanceof InterruptedIOException) {
      return "no answer within "
          + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s");
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return scrub(detail, apiKey);
  }

  private static Optional<String> providerMessage(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode error = JsonMapper.shared().readTree(body).path("error");
      JsonNode message = error.isObject() ? error.path("message") : error;
      if (message.isString() && !message.stringValue().isBlank()) {
        return Optional.of(shorten(message.stringValue()));
      }
    } catch (JacksonException notJson) {
      // Proxies and gateways answer with HTML or plain text; show its start.
    }
    return Optional.of(shorten(body.strip()));
  }

  static String shorten(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  static String scrub(String text, String apiKey) {
    return apiKey == null || apiKey.isBlank() ? text : text.replace(apiKey, "***");
  }
}
