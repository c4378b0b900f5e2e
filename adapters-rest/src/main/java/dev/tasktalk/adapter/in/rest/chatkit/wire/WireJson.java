package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.StoredText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the ChatKit endpoint: reads request bodies (refusing what the store cannot
 * keep) and writes compact, single-line JSON, which SSE framing relies on.
 */
public final class WireJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private WireJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact JSON text: one line. */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /**
   * Parses JSON text the server produced itself (item payloads, event members); bad text is a bug.
   */
  public static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses JSON text that must be an object, such as an item payload. */
  static ObjectNode readObject(String json) {
    JsonNode node = read(json);
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  /**
   * Parses a client's request body; anything but a JSON object is the caller's mistake, and so is
   * nesting deeper than the parser's limit (Jackson refuses it as malformed).
   */
  static ObjectNode readRequest(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidInputException("body", "the request body must be a JSON object");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "body", "the request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("body", "the request body must be a JSON object");
    }
    refuseNul(node, "");
    return (ObjectNode) node;
  }

  /**
   * Every string and key of a request ends up in PostgreSQL, which stores no NUL: refuse it whole.
   */
  private static void refuseNul(JsonNode node, String path) {
    if (node.isString()) {
      StoredText.check(path, node.stringValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseNul(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (var field : node.properties()) {
        String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        StoredText.check(name, field.getKey());
        refuseNul(field.getValue(), name);
      }
    }
  }
}
