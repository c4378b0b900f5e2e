package dev.tasktalk.application.json;

import java.util.Map;

/** Compact JSON text, escaping as Jackson does: quote, backslash and control characters only. */
final class JsonWriter {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonWriter() {}

  static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> member : object.members()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonValue.Str str) {
      string(str.value(), out);
    } else if (value.isMissing()) {
      out.append("null");
    } else {
      out.append(value);
    }
  }

  static void string(String text, StringBuilder out) {
    out.append('"');
    int plain = 0;
    while (plain < text.length()
        && text.charAt(plain) >= 0x20
        && text.charAt(plain) != '"'
        && text.charAt(plain) != '\\') {
      plain++;
    }
    out.append(text, 0, plain);
    for (int i = plain; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
