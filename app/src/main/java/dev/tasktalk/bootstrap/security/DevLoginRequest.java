package dev.tasktalk.bootstrap.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/dev/token}, {@code {"user":"alice"}}, parsed with JSON-P so every
 * refusal is ours to word; a bad body throws IllegalArgumentException with a client-safe message.
 */
public record DevLoginRequest(String user) {

  public static final String FIELD = "user";
  public static final int MAX_USER_LENGTH = 100;
  private static final String NOT_AN_OBJECT =
      "request body must be a JSON object like {\"user\":\"alice\"}";
  private static final String NOT_JSON = "request body is not valid JSON";
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]+");

  public DevLoginRequest {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    if (user.length() > MAX_USER_LENGTH) {
      throw new IllegalArgumentException("user must be at most " + MAX_USER_LENGTH + " characters");
    }
    if (!USER.matcher(user).matches()) {
      throw new IllegalArgumentException("user may contain only letters, digits and . _ @ -");
    }
  }

  public static DevLoginRequest parse(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException(NOT_AN_OBJECT);
    }
    JsonObject object = readObject(body);
    for (String name : object.keySet()) {
      if (!FIELD.equals(name)) {
        throw new IllegalArgumentException("unknown field \"" + abbreviate(name) + "\"");
      }
    }
    JsonValue user = object.get(FIELD);
    if (user == null) {
      throw new IllegalArgumentException("user is required");
    }
    if (!(user instanceof JsonString text)) {
      throw new IllegalArgumentException("user must be a string");
    }
    return new DevLoginRequest(text.getString());
  }

  private static JsonObject readObject(String body) {
    // The streaming parser, unlike JsonReader, lets us refuse anything after the object.
    try (JsonParser parser = Json.createParser(new StringReader(body))) {
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        throw new IllegalArgumentException(NOT_AN_OBJECT);
      }
      JsonObject object = parser.getObject();
      if (parser.hasNext()) {
        throw new IllegalArgumentException(NOT_JSON);
      }
      return object;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw new IllegalArgumentException(NOT_JSON);
    }
  }

  private static String abbreviate(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "…";
  }
}
