package dev.tasktalk.adapter.out.llm.openai;

import static dev.tasktalk.adapter.out.llm.openai.OpenAiChatKitSessionsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.turn.TranscriptionUnavailableException;
import dev.tasktalk.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiTranscriberTest {

  private static final String KEY = "sk-audio-key";
  private static final byte[] AUDIO = {26, 69, -33, -93, 1, 2, 3};

  private final OkHttpClient shared = new OkHttpClient();
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiTranscriber transcriber(String model) {
    return new OpenAiTranscriber(
        shared, server.url("/v1").toString(), Optional.of(KEY), model, Duration.ofMillis(500));
  }

  @Test
  void transcribe_uploadsTheRecordingAsMultipart_andReturnsTheText() throws Exception {
    server.enqueue(json(200, "{\"text\":\"add a task to buy milk\"}"));

    String text = transcriber(null).transcribe(AUDIO, "audio/webm;codecs=opus");

    assertThat(text).isEqualTo("add a task to buy milk");
    RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(sent.getTarget()).isEqualTo("/v1/audio/transcriptions");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = sent.getBody().string(StandardCharsets.ISO_8859_1);
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n")
        .contains("Content-Disposition: form-data; name=\"file\"; filename=\"speech.webm\"")
        .contains("Content-Type: audio/webm\r\n")
        .contains(new String(AUDIO, StandardCharsets.ISO_8859_1));
  }

  @Test
  void transcribe_namesTheFileAfterTheRecordedType_andSendsTheConfiguredModel() throws Exception {
    for (String[] type :
        new String[][] {
          {"audio/mp4", "mp4"},
          {"audio/ogg;codecs=opus", "ogg"},
          {"audio/wav", "wav"},
          {"audio/mpeg", "mpeg"}
        }) {
      server.enqueue(json(200, "{\"text\":\"ok\"}"));
      transcriber("gpt-4o-mini-transcribe").transcribe(AUDIO, type[0]);
      String body =
          server.takeRequest(1, TimeUnit.SECONDS).getBody().string(StandardCharsets.ISO_8859_1);
      assertThat(body)
          .contains("filename=\"speech." + type[1] + "\"")
          .contains("gpt-4o-mini-transcribe");
    }
  }

  @Test
  void givenNoKeyOrNoBaseUrl_transcribe_saysWhatToSet() {
    var noKey = new OpenAiTranscriber(shared, server.url("/v1").toString(), Optional.empty(), null);
    var noBase = new OpenAiTranscriber(shared, " ", Optional.of(KEY), null);

    for (OpenAiTranscriber unconfigured : new OpenAiTranscriber[] {noKey, noBase}) {
      assertThatThrownBy(() -> unconfigured.transcribe(AUDIO, "audio/webm"))
          .isInstanceOf(TranscriptionUnavailableException.class)
          .hasMessageStartingWith(
              "speech input needs a model provider: set LLM_API_KEY (or OPENAI_API_KEY)"
                  + " and LLM_BASE_URL");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void givenAnUnknownAudioType_transcribe_refusesTheInput() {
    assertThatThrownBy(() -> transcriber(null).transcribe(AUDIO, "text/plain"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("mime_type"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void givenTheProviderRefuses_transcribe_isUnavailableWithItsMessage_butNeverTheKey() {
    server.enqueue(
        json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));

    assertThatThrownBy(() -> transcriber(null).transcribe(AUDIO, "audio/webm"))
        .isInstanceOf(TranscriptionUnavailableException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Incorrect API key")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void givenNoAnswerInTime_transcribe_isUnavailable() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"text\":\"late\"}")
            .headersDelay(3, TimeUnit.SECONDS)
            .build());

    assertThatThrownBy(() -> transcriber(null).transcribe(AUDIO, "audio/webm"))
        .isInstanceOf(TranscriptionUnavailableException.class)
        .hasMessageContaining("no answer within");
  }

  @Test
  void givenAnAnswerWithoutText_transcribe_isUnavailable() {
    server.enqueue(json(200, "{\"words\":[]}"));

    assertThatThrownBy(() -> transcriber(null).transcribe(AUDIO, "audio/webm"))
        .isInstanceOf(TranscriptionUnavailableException.class)
        .hasMessageContaining("without a text");
  }
}
