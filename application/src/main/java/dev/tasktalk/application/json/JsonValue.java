package dev.tasktalk.application.json;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;

/**
 * A JSON value: an object, an array, a string, a number, a boolean, null, or {@link #MISSING} (what
 * {@link #path} answers for something absent, so chains of lookups never need null checks).
 * Iterating an array yields its elements, an object its member values, anything else nothing.
 */
public sealed interface JsonValue extends Iterable<JsonValue>
    permits JsonObject,
        JsonArray,
        JsonValue.Str,
        JsonValue.Num,
        JsonValue.Bool,
        JsonValue.Null,
        JsonValue.Missing {

  /** JSON {@code null}. */
  JsonValue NULL = new Null();

  /** No value at all: the member is absent. Stored or written, it becomes null, as in Jackson. */
  JsonValue MISSING = new Missing();

  JsonValue TRUE = new Bool(true);
  JsonValue FALSE = new Bool(false);

  static JsonValue of(String text) {
    return text == null ? NULL : new Str(text);
  }

  static JsonValue of(boolean value) {
    return value ? TRUE : FALSE;
  }

  static JsonValue of(long value) {
    return new Num(Long.toString(value));
  }

  /**
   * The member {@code name} of an object; {@link #MISSING} for anything else or an absent member.
   */
  default JsonValue path(String name) {
    return MISSING;
  }

  /**
   * The element at {@code index} of an array; {@link #MISSING} for anything else or out of range.
   */
  default JsonValue path(int index) {
    return MISSING;
  }

  /**
   * The text of a string, number or boolean (as Jackson's {@code asString}), else {@code fallback}.
   */
  default String asString(String fallback) {
    return fallback;
  }

  /** As {@link #asString(String)} with an empty fallback. */
  default String asString() {
    return asString("");
  }

  /** As {@link #asInt(int)} with 0 as the fallback. */
  default int asInt() {
    return asInt(0);
  }

  /** The value of a string, or null for anything else. */
  default String stringValue() {
    return null;
  }

  /**
   * An int-sized whole number, or a string holding one (as Jackson's {@code asInt}), else {@code
   * fallback}.
   */
  default int asInt(int fallback) {
    return fallback;
  }

  /**
   * A boolean, or the string {@code "true"}/{@code "false"} (as Jackson's {@code asBoolean}), else
   * {@code fallback}.
   */
  default boolean asBoolean(boolean fallback) {
    return fallback;
  }

  default boolean isObject() {
    return this instanceof JsonObject;
  }

  default boolean isArray() {
    return this instanceof JsonArray;
  }

  default boolean isString() {
    return this instanceof Str;
  }

  default boolean isNumber() {
    return this instanceof Num;
  }

  default boolean isBoolean() {
    return this instanceof Bool;
  }

  /** JSON null (not {@link #MISSING}, as in Jackson's tree). */
  default boolean isNull() {
    return this instanceof Null;
  }

  default boolean isMissing() {
    return this instanceof Missing;
  }

  /** A copy that shares nothing mutable with this value. */
  default JsonValue deepCopy() {
    return this;
  }

  @Override
  default Iterator<JsonValue> iterator() {
    return Collections.emptyIterator();
  }

  /** A JSON string. */
  record Str(String value) implements JsonValue {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String asString(String fallback) {
      return value;
    }

    @Override
    public String stringValue() {
      return value;
    }

    @Override
    public int asInt(int fallback) {
      try {
        return Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    @Override
    public boolean asBoolean(boolean fallback) {
      String text = value.strip();
      return text.equals("true") || (!text.equals("false") && fallback);
    }

    @Override
    public String toString() {
      return Json.write(this);
    }
  }

  /**
   * A JSON number, kept as the text the writer emits (integers as written, others as Java doubles).
   */
  record Num(String text) implements JsonValue {
    public Num {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public int asInt(int fallback) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        double value = Double.parseDouble(text);
        return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE
            ? (int) value
            : fallback;
      }
    }

    @Override
    public String asString(String fallback) {
      return text;
    }

    /** Whether the number has no fractional part ({@code 3}, {@code 3.0}, {@code 3e2}). */
    public boolean isIntegral() {
      try {
        return new java.math.BigDecimal(text).stripTrailingZeros().scale() <= 0;
      } catch (NumberFormatException e) {
        return false; // Infinity, NaN
      }
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements JsonValue {
    @Override
    public boolean asBoolean(boolean fallback) {
      return value;
    }

    @Override
    public String asString(String fallback) {
      return Boolean.toString(value);
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** JSON {@code null}. */
  record Null() implements JsonValue {
    @Override
    public String toString() {
      return "null";
    }
  }

  /** The absence of a value. */
  record Missing() implements JsonValue {
    @Override
    public String toString() {
      return "";
    }
  }
}
