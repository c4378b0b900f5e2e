package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProviderErrorTest {

  @Test
  void fromBody_readsOpenAiErrors() {
    ProviderError error =
        ProviderError.fromBody(
            "{\"error\":{\"message\":\"Rate limit\",\"type\":\"requests\","
                + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}");

    assertThat(error).isEqualTo(new ProviderError("Rate limit", "requests", "rate_limit_exceeded"));
    assertThat(error.is("RATE_LIMIT_EXCEEDED")).isTrue();
  }

  @Test
  void fromBody_readsGoogleErrorArrays() {
    ProviderError error =
        ProviderError.fromBody(
            "[{\"error\":{\"code\":429,\"message\":\"Resource has been "
                + "exhausted\",\"status\":\"RESOURCE_EXHAUSTED\"}}]");

    assertThat(error)
        .isEqualTo(new ProviderError("Resource has been exhausted", "RESOURCE_EXHAUSTED", "429"));
    assertThat(error.status()).isEqualTo(OptionalInt.of(429));
  }

  @Test
  void fromBody_readsVllmErrors_stringErrors_andPlainText() {
    assertThat(
            ProviderError.fromBody(
                "{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\","
                    + "\"code\":400}"))
        .isEqualTo(new ProviderError("bad", "BadRequestError", "400"));
    assertThat(ProviderError.fromBody("{\"error\":\"no such model\"}").message())
        .isEqualTo("no such model");
    assertThat(ProviderError.fromBody("<html>502 Bad Gateway</html>").message())
        .isEqualTo("<html>502 Bad Gateway</html>");
    assertThat(ProviderError.fromBody("")).isEqualTo(ProviderError.NONE);
  }

  @Test
  void describe_masksTheKey_evenWhereShorteningWouldCutIt() {
    String key = "sk-abcdef";
    String message = "x".repeat(293) + key;

    assertThat(new ProviderError(message, null, null).describe(key))
        .hasValueSatisfying(text -> assertThat(text).doesNotContain("sk-abc"));
  }
}
