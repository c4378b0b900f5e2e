package dev.tasktalk.application.chatkit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The application's JSON mapper, with the few tree helpers the services use on item payloads. */
public final class ChatKitJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ChatKitJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Compact JSON text: one line, which SSE framing relies on. */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Parses JSON text the server produced itself (payloads, event members); bad text is a bug. */
  public static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses JSON text that must be an object, such as an item payload. */
  public static ObjectNode readObject(String json) {
    JsonNode node = read(json);
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  /** The string at {@code field}, or null when it is absent, null or not a string. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
