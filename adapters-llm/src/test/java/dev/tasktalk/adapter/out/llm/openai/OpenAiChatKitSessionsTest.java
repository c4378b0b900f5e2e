package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase.HostedSession;
import dev.tasktalk.domain.shared.UnavailableException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiChatKitSessionsTest {

  private static final String KEY = "sk-test-secret-key";
  private static final String SESSION =
      "{\"id\":\"cksess_1\",\"object\":\"chatkit.session\","
          + "\"client_secret\":\"ek_abc\",\"expires_at\":1900000000,\"status\":\"active\"}";

  private final OkHttpClient shared = new OkHttpClient();
  private MockWebServer server;
  private OpenAiChatKitSessions sessions;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
    sessions =
        new OpenAiChatKitSessions(
            shared, server.url("/v1/").toString(), Optional.of(KEY), Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void create_postsTheWorkflowAndUser_withKeyAndBetaHeader() throws Exception {
    server.enqueue(json(200, SESSION));

    sessions.create("wf_123", "user-\"quoted\"");

    RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getTarget()).isEqualTo("/v1/chatkit/sessions");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(sent.getHeaders().get("OpenAI-Beta")).isEqualTo("chatkit_beta=v1");
    assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
    JsonNode body = JsonMapper.shared().readTree(sent.getBody().utf8());
    assertThat(body.path("workflow").path("id").stringValue()).isEqualTo("wf_123");
    assertThat(body.path("user").stringValue()).isEqualTo("user-\"quoted\"");
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("workflow", "user");
  }

  @Test
  void create_returnsTheClientSecretAndExpiry() {
    server.enqueue(json(200, SESSION));

    assertThat(sessions.create("wf_1", "alice"))
        .isEqualTo(new HostedSession("ek_abc", 1_900_000_000L));
  }

  @Test
  void givenABaseWithoutTrailingSlash_create_stillHitsTheSessionsPath() throws Exception {
    server.enqueue(json(200, SESSION));
    var noSlash = new OpenAiChatKitSessions(shared, server.url("/v1").toString(), Optional.of(KEY));

    noSlash.create("wf_1", "alice");

    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget())
        .isEqualTo("/v1/chatkit/sessions");
  }

  @Test
  void given401_create_isUnavailableWithOpenAisMessage_butNeverTheKey() {
    server.enqueue(
        json(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY
                + ".\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

    assertThatThrownBy(() -> sessions.create("wf_1", "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Incorrect API key provided")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void given500WithoutJson_create_isUnavailableWithTheStatus() {
    server.enqueue(new MockResponse.Builder().code(500).body("upstream exploded").build());

    assertThatThrownBy(() -> sessions.create("wf_1", "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("upstream exploded");
  }

  @Test
  void givenNoAnswerInTime_create_isUnavailable() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(SESSION)
            .headersDelay(3, TimeUnit.SECONDS)
            .build());

    assertThatThrownBy(() -> sessions.create("wf_1", "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("no answer within");
  }

  @Test
  void givenAnAnswerThatIsNoSession_create_isUnavailable() {
    server.enqueue(json(200, "{\"id\":\"cksess_1\"}"));

    assertThatThrownBy(() -> sessions.create("wf_1", "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("client_secret");
  }

  @Test
  void givenNoKey_create_namesTheSettingWithoutCallingOut() {
    var unconfigured =
        new OpenAiChatKitSessions(shared, server.url("/v1").toString(), Optional.empty());

    assertThatThrownBy(() -> unconfigured.create("wf_1", "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("OPENAI_API_KEY");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void givenAServerThatIsDown_create_isUnavailable() {
    String url = server.url("/v1").toString();
    server.close();
    var down = new OpenAiChatKitSessions(shared, url, Optional.of(KEY));

    assertThatThrownBy(() -> down.create("wf_1", "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("cannot reach");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
