package dev.tasktalk.adapter.in.rest.common;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds the one error shape every endpoint uses: {@code {"error":{"code","message","field"?}}}.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static JsonObject body(String code, String message, String field) {
    JsonObjectBuilder error = Json.createObjectBuilder().add("code", code).add("message", message);
    if (field != null) {
      error.add("field", field);
    }
    return Json.createObjectBuilder().add("error", error).build();
  }

  public static Response of(ApiError error) {
    return Response.status(error.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(error.json())
        .build();
  }

  public static Response of(int status, String code, String message, String field) {
    return of(new ApiError(status, code, message, field));
  }

  public static Response of(int status, String code, String message) {
    return of(status, code, message, null);
  }
}
