package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase.HostedSession;
import dev.tasktalk.application.port.out.chatkit.HostedChatKitSessions;
import dev.tasktalk.domain.shared.UnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's ChatKit sessions API ({@code POST /chatkit/sessions}, beta header {@code
 * chatkit_beta=v1}): creates a hosted-mode session for a workflow and a user and returns its client
 * secret.
 */
public final class OpenAiChatKitSessions implements HostedChatKitSessions {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final HttpUrl endpoint;
  private final Optional<String> apiKey;
  private final Duration timeout;

  /** {@code baseUrl} is {@code OPENAI_BASE_URL}; null or blank means OpenAI's own API. */
  public OpenAiChatKitSessions(OkHttpClient http, String baseUrl, Optional<String> apiKey) {
    this(http, baseUrl, apiKey, DEFAULT_TIMEOUT);
  }

  public OpenAiChatKitSessions(
      OkHttpClient http, String baseUrl, Optional<String> apiKey, Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout);
    // The shared client's read timeout suits streaming; this call may legitimately take longer.
    this.http =
        http.newBuilder().callTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).build();
    this.endpoint =
        OpenAiHttp.endpoint(
            baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl, "chatkit/sessions");
    this.apiKey = apiKey.filter(key -> !key.isBlank());
  }

  @Override
  public HostedSession create(String workflowId, String user) {
    String key =
        apiKey.orElseThrow(
            () ->
                new UnavailableException(
                    "OpenAI-hosted ChatKit mode needs OPENAI_API_KEY to be set"));
    ObjectNode body = JsonMapper.shared().createObjectNode();
    body.putObject("workflow").put("id", workflowId);
    body.put("user", user);
    Request request =
        new Request.Builder()
            .url(endpoint)
            .header("Authorization", "Bearer " + key)
            .header("OpenAI-Beta", "chatkit_beta=v1")
            .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new UnavailableException(
            "OpenAI refused to create a ChatKit session: "
                + OpenAiHttp.describe(response.code(), text, key));
      }
      return session(text);
    } catch (IOException e) {
      throw new UnavailableException(
          "cannot reach OpenAI's ChatKit sessions API at "
              + endpoint.host()
              + ": "
              + OpenAiHttp.describe(e, timeout, key));
    }
  }

  private static HostedSession session(String text) {
    try {
      JsonNode session = JsonMapper.shared().readTree(text);
      JsonNode secret = session.path("client_secret");
      JsonNode expiresAt = session.path("expires_at");
      if (secret.isString() && !secret.stringValue().isBlank() && expiresAt.isIntegralNumber()) {
        return new HostedSession(secret.stringValue(), expiresAt.longValue());
      }
    } catch (JacksonException notJson) {
      // Reported below like any other answer that is not a session.
    }
    throw new UnavailableException(
        "OpenAI's ChatKit sessions API answered without a client_secret and expires_at");
  }
}
