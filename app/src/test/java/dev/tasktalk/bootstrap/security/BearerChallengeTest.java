package dev.tasktalk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {

  @Test
  void givenNoParams_headerValue_isBareBearer() {
    assertThat(BearerChallenge.bearer().headerValue()).isEqualTo("Bearer");
  }

  @Test
  void givenParams_headerValue_listsThemQuotedInOrder() {
    String value =
        BearerChallenge.bearer()
            .with(
                "resource_metadata",
                "https://tasktalk.example/.well-known/oauth-protected-resource")
            .with("error", "invalid_token")
            .headerValue();

    assertThat(value)
        .isEqualTo(
            "Bearer"
                + " resource_metadata=\"https://tasktalk.example/.well-known/oauth-protected-resource\","
                + " error=\"invalid_token\"");
  }

  @Test
  void givenValueWithQuotesAndLineBreaks_with_escapesQuotesAndDropsControlCharacters() {
    String value =
        BearerChallenge.bearer()
            .with("error_description", "bad \"x\"\r\nSet-Cookie: a=b")
            .headerValue();

    assertThat(value).isEqualTo("Bearer error_description=\"bad \\\"x\\\"Set-Cookie: a=b\"");
  }

  @Test
  void givenInvalidParamName_with_refuses() {
    assertThatThrownBy(() -> BearerChallenge.bearer().with("bad name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
