package dev.tasktalk.application.tools;

import dev.tasktalk.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool call's arguments, checked against the tool's input schema: a JSON object with only the
 * declared names and every required one. Typed reads treat null like an absent argument and name the
 * argument in every refusal, so the model can correct its call.
 */
final class ToolArguments {

  private final ObjectNode json;

  private ToolArguments(ObjectNode json) {
    this.json = json;
  }

  /** Parses {@code text} (null or blank means no arguments) for a tool with {@code inputSchema}. */
  static ToolArguments parse(String text, JsonNode inputSchema) {
    ToolArguments arguments = new ToolArguments(object(text));
    Set<String> declared = Set.copyOf(inputSchema.get("properties").propertyNames());
    for (String name : arguments.json.propertyNames()) {
      if (!declared.contains(name)) {
        throw new InvalidInputException(name, "unknown argument " + name + "; this tool takes "
            + String.join(", ", inputSchema.get("properties").propertyNames()));
      }
    }
    for (JsonNode required : inputSchema.path("required")) {
      if (!arguments.has(required.stringValue())) {
        throw new InvalidInputException(required.stringValue(), required.stringValue() + " is required");
      }
    }
    return arguments;
  }

  private static ObjectNode object(String text) {
    if (text == null || text.isBlank()) {
      return ToolJson.object();
    }
    JsonNode node;
    try {
      node = ToolJson.read(text);
    } catch (JacksonException e) {
      throw new InvalidInputException("arguments", "arguments are not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("arguments", "arguments must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** The arguments as compact JSON text. */
  String json() {
    return ToolJson.write(json);
  }

  /** Whether the argument was sent with a value other than null. */
  boolean has(String name) {
    JsonNode value = json.get(name);
    return value != null && !value.isNull();
  }

  Optional<String> string(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode value = json.get(name);
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
    JsonNode value = json.get(name);
    if (!value.isArray()) {
      throw new InvalidInputException(name, name + " must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : value) {
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
    JsonNode value = json.get(name);
    String rule = name + " must be a whole number from " + min + " to " + max;
    if (!value.isNumber() || !value.canConvertToExactIntegral()) {
      throw new InvalidInputException(name, rule);
    }
    if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
      throw new InvalidInputException(name, rule);
    }
    return Optional.of(value.asInt());
  }

  Optional<Boolean> bool(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode value = json.get(name);
    if (!value.isBoolean()) {
      throw new InvalidInputException(name, name + " must be true or false");
    }
    return Optional.of(value.booleanValue());
  }
}
