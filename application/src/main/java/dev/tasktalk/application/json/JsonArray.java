package dev.tasktalk.application.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** A JSON array. */
public final class JsonArray implements JsonValue {

  private final List<JsonValue> elements = new ArrayList<>();

  /** The element, or null when out of range. */
  public JsonValue get(int index) {
    return index >= 0 && index < elements.size() ? elements.get(index) : null;
  }

  @Override
  public JsonValue path(int index) {
    JsonValue element = get(index);
    return element == null ? MISSING : element;
  }

  /** Appends {@code value}; null and {@link #MISSING} become JSON null. */
  public JsonArray add(JsonValue value) {
    elements.add(value == null || value.isMissing() ? NULL : value);
    return this;
  }

  /** Appends a string; null becomes JSON null. */
  public JsonArray add(String value) {
    return add(JsonValue.of(value));
  }

  /** Appends a new empty object and returns it. */
  public JsonObject addObject() {
    JsonObject object = new JsonObject();
    elements.add(object);
    return object;
  }

  /** Inserts {@code value} before the element at {@code index}. */
  public JsonArray insert(int index, JsonValue value) {
    elements.add(index, value == null || value.isMissing() ? NULL : value);
    return this;
  }

  /** Replaces the element at {@code index}. */
  public JsonArray set(int index, JsonValue value) {
    elements.set(index, value == null || value.isMissing() ? NULL : value);
    return this;
  }

  public int size() {
    return elements.size();
  }

  public List<JsonValue> elements() {
    return Collections.unmodifiableList(elements);
  }

  @Override
  public Iterator<JsonValue> iterator() {
    return elements().iterator();
  }

  @Override
  public JsonArray deepCopy() {
    JsonArray copy = new JsonArray();
    elements.forEach(element -> copy.elements.add(element.deepCopy()));
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonArray a && a.elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  /** Compact JSON text. */
  @Override
  public String toString() {
    return Json.write(this);
  }
}
