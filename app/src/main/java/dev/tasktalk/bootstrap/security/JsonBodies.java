package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON bodies this package answers with, in the API's {@code {"error":{...}}} shape; escaped by
 * a real serialiser.
 */
final class JsonBodies {

  private JsonBodies() {}

  static String error(String code, String message) {
    return error(code, message, null);
  }

  static String error(String code, String message, String field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    return JSONObjectUtils.toJSONString(Map.of("error", error));
  }

  static String devToken(DevToken token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", token.token());
    body.put("expires_at", token.expiresAt().toString());
    body.put("user", token.user());
    return JSONObjectUtils.toJSONString(body);
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
