package dev.tasktalk.application.json;

/**
 * Reading and writing JSON text: a strict parser (RFC 8259, one value, nothing after it) and a
 * compact single-line writer that escapes exactly what Jackson escapes, so text the application
 * writes is byte for byte what the endpoint would write.
 */
public final class Json {

  private Json() {}

  public static JsonObject object() {
    return new JsonObject();
  }

  public static JsonArray array() {
    return new JsonArray();
  }

  /** Parses one JSON value; {@link MalformedJsonException} when the text is not exactly one. */
  public static JsonValue parse(String text) {
    return new JsonParser(text, false).parseDocument();
  }

  /** As {@link #parse}, also refusing an object that names a member twice. */
  public static JsonValue parseStrict(String text) {
    return new JsonParser(text, true).parseDocument();
  }

  /** Parses JSON text that must be an object, such as an item payload the server wrote itself. */
  public static JsonObject parseObject(String text) {
    JsonValue value = parse(text);
    if (!(value instanceof JsonObject object)) {
      throw new MalformedJsonException("expected a JSON object");
    }
    return object;
  }

  /** Compact JSON text on one line, which SSE framing relies on. */
  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    JsonWriter.write(value, out);
    return out.toString();
  }

  /** {@code text} as a JSON string literal, quoted and escaped. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    JsonWriter.string(text, out);
    return out.toString();
  }
}
