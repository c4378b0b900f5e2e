package dev.tasktalk.adapter.out.llm.offline;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the offline model, and tolerant reading of what tools send back. */
final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The JSON of a tool result or arguments; text that is not JSON is read as an error message. */
  static JsonNode read(String text) {
    if (text == null || text.isBlank()) {
      return object();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? object() : node;
    } catch (JacksonException e) {
      return object().put("error", text.strip());
    }
  }

  /** The error a tool reported, or null when it succeeded. */
  static String error(JsonNode result) {
    JsonNode error = result.path("error");
    if (error.isMissingNode() || error.isNull() || (error.isBoolean() && !error.asBoolean())) {
      return null;
    }
    if (error.isObject()) {
      return text(error, "message", "unknown error");
    }
    return error.isString() ? error.stringValue() : error.toString();
  }

  /** A scalar field as text, {@code fallback} when absent or not a scalar. */
  static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asString(fallback) : fallback;
  }
}
