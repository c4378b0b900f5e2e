package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.turn.Transcriber;
import dev.tasktalk.application.port.out.turn.TranscriptionUnavailableException;
import dev.tasktalk.domain.shared.InvalidInputException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dictation through an OpenAI-compatible {@code POST /audio/transcriptions} (Whisper and its kin):
 * the recording goes up as a multipart file, the text comes back.
 */
public final class OpenAiTranscriber implements Transcriber {

  public static final String DEFAULT_MODEL = "whisper-1";
  static final String NOT_CONFIGURED =
      "speech input needs a model provider: set LLM_API_KEY (or OPENAI_API_KEY) and LLM_BASE_URL to"
          + " an OpenAI-compatible API that offers /audio/transcriptions";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final OkHttpClient http;
  private final Optional<HttpUrl> endpoint;
  private final Optional<String> apiKey;
  private final String model;
  private final Duration timeout;

  /**
   * A null or blank {@code baseUrl}, or no key, leaves dictation unavailable with a clear message.
   */
  public OpenAiTranscriber(
      OkHttpClient http, String baseUrl, Optional<String> apiKey, String model) {
    this(http, baseUrl, apiKey, model, DEFAULT_TIMEOUT);
  }

  public OpenAiTranscriber(
      OkHttpClient http, String baseUrl, Optional<String> apiKey, String model, Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout);
    // The shared client's read timeout suits streaming; this call may legitimately take longer.
    this.http =
        http.newBuilder().callTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).build();
    this.endpoint =
        Optional.ofNullable(baseUrl)
            .filter(url -> !url.isBlank())
            .map(url -> OpenAiHttp.endpoint(url, "audio/transcriptions"));
    this.apiKey = apiKey.filter(key -> !key.isBlank());
    this.model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
  }

  @Override
  public String transcribe(byte[] audio, String mimeType) {
    if (endpoint.isEmpty() || apiKey.isEmpty()) {
      throw new TranscriptionUnavailableException(NOT_CONFIGURED);
    }
    String extension =
        AudioFileNames.extension(mimeType)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "mime_type",
                        "cannot transcribe "
                            + mimeType
                            + "; send webm, mp4, ogg, wav or mpeg audio"));
    String key = apiKey.get();
    RequestBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("model", model)
            .addFormDataPart(
                "file",
                "speech." + extension,
                RequestBody.create(audio, MediaType.get(AudioFileNames.mediaType(mimeType))))
            .build();
    Request request =
        new Request.Builder()
            .url(endpoint.get())
            .header("Authorization", "Bearer " + key)
            .post(body)
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new TranscriptionUnavailableException(
            "speech-to-text failed: " + OpenAiHttp.describe(response.code(), text, key));
      }
      return text(text);
    } catch (IOException e) {
      throw new TranscriptionUnavailableException(
          "cannot reach the speech-to-text API at "
              + endpoint.get().host()
              + ": "
              + OpenAiHttp.describe(e, timeout, key));
    }
  }

  private static String text(String body) {
    try {
      JsonNode text = JsonMapper.shared().readTree(body).path("text");
      if (text.isString()) {
        return text.stringValue();
      }
    } catch (JacksonException notJson) {
      // Reported below like any other answer without text.
    }
    throw new TranscriptionUnavailableException("the speech-to-text API answered without a text");
  }
}
