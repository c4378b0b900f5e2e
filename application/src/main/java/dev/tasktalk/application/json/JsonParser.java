package dev.tasktalk.application.json;

import java.math.BigInteger;

/**
 * A strict recursive-descent JSON parser: no comments, no trailing commas, no leading zeros, no
 * unescaped control characters in strings, nothing after the value, nesting at most {@value
 * #MAX_DEPTH} deep. Numbers become what Jackson's tree would hold: integers exactly, anything with
 * a fraction or exponent a double.
 */
final class JsonParser {

  static final int MAX_DEPTH = 1000;

  private final String text;
  private final boolean refuseDuplicates;
  private int at;
  private int depth;

  JsonParser(String text, boolean refuseDuplicates) {
    this.text = text == null ? "" : text;
    this.refuseDuplicates = refuseDuplicates;
  }

  JsonValue parseDocument() {
    skipWhitespace();
    JsonValue value = value();
    skipWhitespace();
    if (at < text.length()) {
      throw error("unexpected text after the value");
    }
    return value;
  }

  private JsonValue value() {
    if (at >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> new JsonValue.Str(string());
      case 't' -> literal("true", JsonValue.TRUE);
      case 'f' -> literal("false", JsonValue.FALSE);
      case 'n' -> literal("null", JsonValue.NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private JsonObject object() {
    enter();
    JsonObject object = new JsonObject();
    at++;
    skipWhitespace();
    if (peek() == '}') {
      at++;
      depth--;
      return object;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      if (refuseDuplicates && object.has(name)) {
        throw error("duplicate member \"" + name + "\"");
      }
      skipWhitespace();
      expect(':');
      skipWhitespace();
      object.set(name, value());
      skipWhitespace();
      char next = peek();
      at++;
      if (next == '}') {
        depth--;
        return object;
      }
      if (next != ',') {
        throw error("expected ',' or '}'", at - 1);
      }
    }
  }

  private JsonArray array() {
    enter();
    JsonArray array = new JsonArray();
    at++;
    skipWhitespace();
    if (peek() == ']') {
      at++;
      depth--;
      return array;
    }
    while (true) {
      skipWhitespace();
      array.add(value());
      skipWhitespace();
      char next = peek();
      at++;
      if (next == ']') {
        depth--;
        return array;
      }
      if (next != ',') {
        throw error("expected ',' or ']'", at - 1);
      }
    }
  }

  private String string() {
    at++;
    // Most strings hold no escape: take them in one piece.
    for (int end = at; end < text.length(); end++) {
      char c = text.charAt(end);
      if (c == '"') {
        String plain = text.substring(at, end);
        at = end + 1;
        return plain;
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("unescaped control character in a string", at - 1);
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape());
        default -> throw error("invalid escape '\\" + escaped + "'", at - 1);
      }
    }
  }

  private char unicodeEscape() {
    if (at + 4 > text.length()) {
      throw error("incomplete \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at++), 16);
      if (digit < 0) {
        throw error("invalid \\u escape", at - 1);
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  private JsonValue number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
      if (Character.isDigit(peek())) {
        throw error("leading zeros are not allowed");
      }
    } else {
      digits();
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      at++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      digits();
    }
    String token = text.substring(start, at);
    return new JsonValue.Num(
        integral ? new BigInteger(token).toString() : Double.toString(Double.parseDouble(token)));
  }

  private void digits() {
    int start = at;
    while (Character.isDigit(peek()) && peek() <= '9') {
      at++;
    }
    if (at == start) {
      throw error("expected a digit");
    }
  }

  private JsonValue literal(String word, JsonValue value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void skipWhitespace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private MalformedJsonException error(String problem) {
    return error(problem, at);
  }

  private MalformedJsonException error(String problem, int position) {
    return new MalformedJsonException(problem + " at character " + (position + 1));
  }
}
