package dev.tasktalk.adapter.in.rest.common;

import dev.tasktalk.domain.shared.StoredText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed JSON object body with type-checked accessors. Every mistake becomes a {@link
 * RequestException} that names the field, so clients learn exactly what to fix.
 */
public final class JsonRequest {

  private final JsonObject json;

  private JsonRequest(JsonObject json) {
    this.json = json;
  }

  /** Parses {@code body}, which must be one JSON object holding no keys outside {@code allowed}. */
  public static JsonRequest parse(String body, Set<String> allowed) {
    if (body == null || body.isBlank()) {
      throw new RequestException("malformed_json", null, "request body must be a JSON object");
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new RequestException(
          "malformed_json", null, "request body is not valid JSON: " + describe(e));
    } catch (JsonException e) {
      throw new RequestException("malformed_json", null, "request body is not valid JSON");
    } catch (RuntimeException e) {
      // Parsson refuses input nested deeper than 1,000 levels with a bare RuntimeException.
      throw new RequestException(
          "malformed_json", null, "request body is not valid JSON or is nested too deeply");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new RequestException("malformed_json", null, "request body must be a JSON object");
    }
    JsonObject json = value.asJsonObject();
    refuseNul(json, "");
    for (String key : json.keySet()) {
      if (!allowed.contains(key)) {
        throw RequestException.invalid(
            key,
            "unknown field '"
                + key
                + "'; allowed: "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return new JsonRequest(json);
  }

  /**
   * PostgreSQL stores no NUL in text or jsonb: a body holding one is refused whole, naming where.
   */
  private static void refuseNul(JsonValue value, String path) {
    if (value instanceof JsonString s && s.getString().indexOf('\0') >= 0) {
      throw RequestException.invalid(path, StoredText.nulMessage(path));
    }
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        refuseNul(array.get(i), path + "[" + i + "]");
      }
    }
    if (value instanceof JsonObject object) {
      object.forEach(
          (key, member) -> {
            String name = path.isEmpty() ? key : path + "." + key;
            if (key.indexOf('\0') >= 0) {
              throw RequestException.invalid(name, StoredText.nulMessage(name));
            }
            refuseNul(member, name);
          });
    }
  }

  private static String describe(JsonParsingException e) {
    var at = e.getLocation();
    return at == null
        ? "syntax error"
        : "syntax error at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
  }

  public boolean has(String field) {
    return json.containsKey(field);
  }

  public boolean isNull(String field) {
    return json.containsKey(field) && json.isNull(field);
  }

  /** The string value; empty when absent or null. */
  public Optional<String> string(String field) {
    if (!has(field) || isNull(field)) {
      return Optional.empty();
    }
    JsonValue value = json.get(field);
    if (value instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    throw RequestException.invalid(field, field + " must be a string");
  }

  public String requiredString(String field) {
    return string(field).orElseThrow(() -> RequestException.invalid(field, field + " is required"));
  }

  /** The boolean value; empty when absent or null. */
  public Optional<Boolean> bool(String field) {
    if (!has(field) || isNull(field)) {
      return Optional.empty();
    }
    JsonValue value = json.get(field);
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return Optional.of(value == JsonValue.TRUE);
    }
    throw RequestException.invalid(field, field + " must be true or false");
  }

  /** A list of strings; empty when absent or null. */
  public Optional<List<String>> strings(String field) {
    if (!has(field) || isNull(field)) {
      return Optional.empty();
    }
    if (!(json.get(field) instanceof JsonArray array)) {
      throw RequestException.invalid(field, field + " must be an array of strings");
    }
    List<String> values = new ArrayList<>(array.size());
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s)) {
        throw RequestException.invalid(field, field + " must be an array of strings");
      }
      values.add(s.getString());
    }
    return Optional.of(values);
  }

  public JsonObject json() {
    return json;
  }
}
