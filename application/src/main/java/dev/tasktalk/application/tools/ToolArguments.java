package dev.tasktalk.application.tools;

import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.json.MalformedJsonException;
import dev.tasktalk.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tool call's arguments, checked against the tool's input schema: a JSON object with only the
 * declared names and every required one. Typed reads treat null like an absent argument and name
 * the argument in every refusal, so the model can correct its call.
 */
final class ToolArguments {

  private final JsonObject json;

  private ToolArguments(JsonObject json) {
    this.json = json;
  }

  /** Parses {@code text} (null or blank means no arguments) for a tool with {@code inputSchema}. */
  static ToolArguments parse(String text, JsonObject inputSchema) {
    ToolArguments arguments = new ToolArguments(object(text));
    JsonObject properties = (JsonObject) inputSchema.get("properties");
    Set<String> declared = Set.copyOf(properties.names());
    for (String name : arguments.json.names()) {
      if (!declared.contains(name)) {
        throw new InvalidInputException(
            name,
            "unknown argument "
                + name
                + "; this tool takes "
                + String.join(", ", properties.names()));
      }
    }
    for (JsonValue required : inputSchema.path("required")) {
      if (!arguments.has(required.stringValue())) {
        throw new InvalidInputException(
            required.stringValue(), required.stringValue() + " is required");
      }
    }
    return arguments;
  }

  private static JsonObject object(String text) {
    if (text == null || text.isBlank()) {
      return ToolJson.object();
    }
    JsonValue node;
    try {
      node = ToolJson.read(text);
    } catch (MalformedJsonException e) {
      throw new InvalidInputException(
          "arguments", "arguments are not valid JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("arguments", "arguments must be a JSON object");
    }
    return (JsonObject) node;
  }

  /** The arguments as compact JSON text. */
  String json() {
    return ToolJson.write(json);
  }

  /** Whether the argument was sent with a value other than null. */
  boolean has(String name) {
    JsonValue value = json.get(name);
    return value != null && !value.isNull();
  }

  Optional<String> string(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonValue value = json.get(name);
    if (!value.isString()) {
      throw new InvalidInputException(name, name + " must be a string");
    }
    return Optional.of(value.stringValue());
  }

  String requiredString(String name) {
    return string(name).orElseThrow(() -> new InvalidInputException(name, name + " is required"));
  }

  Optional<List<String>> strings(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonValue value = json.get(name);
    if (!value.isArray()) {
      throw new InvalidInputException(name, name + " must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonValue element : value) {
      if (!element.isString()) {
        throw new InvalidInputException(name, name + " must be an array of strings");
      }
      values.add(element.stringValue());
    }
    return Optional.of(values);
  }

  Optional<Integer> integer(String name, int min, int max) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonValue value = json.get(name);
    String rule = name + " must be a whole number from " + min + " to " + max;
    if (!(value instanceof JsonValue.Num number) || !number.isIntegral()) {
      throw new InvalidInputException(name, rule);
    }
    BigDecimal exact = new BigDecimal(number.text());
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0
        || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInputException(name, rule);
    }
    return Optional.of(exact.intValueExact());
  }

  Optional<Boolean> bool(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonValue value = json.get(name);
    if (!value.isBoolean()) {
      throw new InvalidInputException(name, name + " must be true or false");
    }
    return Optional.of(value.asBoolean(false));
  }
}
