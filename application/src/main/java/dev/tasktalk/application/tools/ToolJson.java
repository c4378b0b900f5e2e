package dev.tasktalk.application.tools;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tools' one JSON mapper: strict when reading a model's arguments, compact when writing. */
final class ToolJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ToolJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses text; throws Jackson's exception when it is not one JSON value. */
  static JsonNode read(String text) {
    return MAPPER.readTree(text);
  }

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** The text as a JSON string value, quoted and escaped. */
  static String quote(String text) {
    return write(MAPPER.getNodeFactory().stringNode(text));
  }

  /** {@code {"error": message}}, the content of every failed call. */
  static String error(String message) {
    return write(object().put("error", message));
  }
}
