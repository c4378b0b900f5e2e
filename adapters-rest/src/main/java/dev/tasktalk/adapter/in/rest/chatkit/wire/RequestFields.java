package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object of a request that knows its path ({@code params.input}), so every refusal names the
 * exact field. Absent and {@code null} are the same thing, as in the reference parser.
 */
final class RequestFields {

  private final JsonNode node;
  private final String path;

  RequestFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  String path() {
    return path;
  }

  JsonNode node() {
    return node;
  }

  boolean present(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  RequestFields object(String field) {
    return optionalObject(field).orElseThrow(() -> invalid(field, "is required"));
  }

  Optional<RequestFields> optionalObject(String field) {
    if (!present(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw invalid(field, "must be an object");
    }
    return Optional.of(new RequestFields(value, path(field)));
  }

  String string(String field) {
    String value = optionalString(field);
    if (value == null) {
      throw invalid(field, "is required");
    }
    return value;
  }

  /** A required string with at least one non-blank character. */
  String nonBlank(String field) {
    String value = string(field);
    if (value.isBlank()) {
      throw invalid(field, "must not be blank");
    }
    return value;
  }

  String optionalString(String field) {
    if (!present(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isString()) {
      throw invalid(field, "must be a string");
    }
    return value.stringValue();
  }

  boolean bool(String field, boolean fallback) {
    if (!present(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw invalid(field, "must be true or false");
    }
    return value.booleanValue();
  }

  Long optionalLong(String field) {
    if (!present(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw invalid(field, "must be an integer");
    }
    return value.longValue();
  }

  /** The elements of a required array, each with its own path ({@code content[2]}). */
  List<RequestFields> array(String field) {
    return optionalArray(field).orElseThrow(() -> invalid(field, "is required"));
  }

  Optional<List<RequestFields>> optionalArray(String field) {
    if (!present(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw invalid(field, "must be an array");
    }
    List<RequestFields> elements = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      elements.add(new RequestFields(value.get(i), path(field) + "[" + i + "]"));
    }
    return Optional.of(elements);
  }

  /** This node as a string, for arrays of strings. */
  String asString() {
    if (node == null || !node.isString()) {
      throw new InvalidInputException(path, path + " must be a string");
    }
    return node.stringValue();
  }

  /** This node as an object, for arrays of objects. */
  RequestFields asObject() {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(path, path + " must be an object");
    }
    return this;
  }

  InvalidInputException invalid(String field, String problem) {
    String where = path(field);
    return new InvalidInputException(where, where + " " + problem);
  }
}
