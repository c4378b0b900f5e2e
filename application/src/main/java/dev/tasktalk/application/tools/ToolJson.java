package dev.tasktalk.application.tools;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonArray;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;

/**
 * The tools' JSON: strict when reading a model's arguments (no duplicate names), compact when
 * writing.
 */
final class ToolJson {

  private ToolJson() {}

  static JsonObject object() {
    return Json.object();
  }

  static JsonArray array() {
    return Json.array();
  }

  /**
   * Parses text; throws {@link dev.tasktalk.application.json.MalformedJsonException} unless it is
   * one value.
   */
  static JsonValue read(String text) {
    return Json.parseStrict(text);
  }

  static String write(JsonValue node) {
    return Json.write(node);
  }

  /** The text as a JSON string value, quoted and escaped. */
  static String quote(String text) {
    return Json.quote(text);
  }

  /** {@code {"error": message}}, the content of every failed call. */
  static String error(String message) {
    return write(object().put("error", message));
  }
}
