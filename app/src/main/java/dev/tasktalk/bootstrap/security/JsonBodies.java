package dev.tasktalk.bootstrap.security;

import dev.tasktalk.adapter.in.rest.common.ErrorResponses;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * The JSON bodies this package answers with; errors come from the REST adapter's {@link
 * ErrorResponses}, so a refused token or origin looks like any other API error.
 */
final class JsonBodies {

  private JsonBodies() {}

  static String error(String code, String message) {
    return error(code, message, null);
  }

  static String error(String code, String message, String field) {
    return ErrorResponses.body(code, message, field).toString();
  }

  static String devToken(DevToken token) {
    return Json.createObjectBuilder()
        .add("token", token.token())
        .add("expires_at", token.expiresAt().toString())
        .add("user", token.user())
        .build()
        .toString();
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
