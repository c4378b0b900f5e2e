package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiHttpTest {

  @Test
  void endpoint_joinsBaseAndPath_withOrWithoutATrailingSlash() {
    assertThat(OpenAiHttp.endpoint("https://api.openai.com/v1", "chatkit/sessions").toString())
        .isEqualTo("https://api.openai.com/v1/chatkit/sessions");
    assertThat(
            OpenAiHttp.endpoint(" https://api.openai.com/v1/ ", "audio/transcriptions").toString())
        .isEqualTo("https://api.openai.com/v1/audio/transcriptions");
    assertThatThrownBy(() -> OpenAiHttp.endpoint("api.openai.com", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describe_prefersTheProvidersMessage_andShortensLongBodies() {
    assertThat(OpenAiHttp.describe(429, "{\"error\":{\"message\":\"Rate limit\"}}", "sk-test-1"))
        .isEqualTo("HTTP 429: Rate limit");
    assertThat(OpenAiHttp.describe(400, "{\"error\":\"bad workflow\"}", "sk-test-1"))
        .isEqualTo("HTTP 400: bad workflow");
    assertThat(OpenAiHttp.describe(502, "", "sk-test-1")).isEqualTo("HTTP 502");
    assertThat(OpenAiHttp.describe(502, "x".repeat(1000), "sk-test-1")).hasSizeLessThan(320);
  }

  @Test
  void describe_masksTheKeyWhereverItAppears() {
    assertThat(OpenAiHttp.describe(401, "key sk-live-1 is wrong", "sk-live-1"))
        .isEqualTo("HTTP 401: key *** is wrong");
    assertThat(
            OpenAiHttp.describe(
                new IOException("bad sk-live-1"), Duration.ofSeconds(3), "sk-live-1"))
        .isEqualTo("bad ***");
    assertThat(
            OpenAiHttp.describe(
                new InterruptedIOException("timeout"), Duration.ofSeconds(3), "sk-test-1"))
        .isEqualTo("no answer within 3 s");
  }
}
