package dev.tasktalk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing the dev-login body with JSON-P (Parsson provides it on the test classpath). */
class DevLoginRequestTest {

  @Test
  void givenUserName_parse_returnsIt() {
    assertThat(DevLoginRequest.parse("{\"user\":\"alice.smith@example.com\"}").user())
        .isEqualTo("alice.smith@example.com");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                              | request body must be a JSON object",
        "'{\"user\":'                    | request body is not valid JSON",
        "'{\"user\":\"a\"} trailing'     | request body is not valid JSON",
        "'[\"alice\"]'                   | request body must be a JSON object",
        "'\"alice\"'                     | request body must be a JSON object",
        "'{}'                            | user is required",
        "'{\"user\":null}'               | user must be a string",
        "'{\"user\":42}'                 | user must be a string",
        "'{\"user\":\"  \"}'             | user must not be blank",
        "'{\"user\":\"al ice\"}'         | user may contain only letters, digits and . _ @ -",
        "'{\"user\":\"alice/../bob\"}'   | user may contain only letters, digits and . _ @ -",
        "'{\"user\":\"alice\",\"admin\":true}' | unknown field \"admin\"",
      })
  void givenBadBody_parse_refusesWithAClientSafeMessage(String body, String message) {
    assertThatThrownBy(() -> DevLoginRequest.parse(body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void givenUserOf101Characters_parse_refusesLength() {
    assertThatThrownBy(() -> DevLoginRequest.parse("{\"user\":\"" + "a".repeat(101) + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user must be at most 100 characters");
  }

  @Test
  void givenUserOf100Characters_parse_accepts() {
    assertThat(DevLoginRequest.parse("{\"user\":\"" + "a".repeat(100) + "\"}").user()).hasSize(100);
  }
}
