package dev.tasktalk.application.json;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A JSON object: members in insertion order; {@code put} replaces a member in place. */
public final class JsonObject implements JsonValue {

  private final Map<String, JsonValue> members = new LinkedHashMap<>();

  /** The member, or null when absent (see {@link #path} for a null-free lookup). */
  public JsonValue get(String name) {
    return members.get(name);
  }

  @Override
  public JsonValue path(String name) {
    return members.getOrDefault(name, MISSING);
  }

  /** Whether the member is present, even as null. */
  public boolean has(String name) {
    return members.containsKey(name);
  }

  /** The string member, or null when absent, null or not a string. */
  public String text(String name) {
    return path(name).stringValue();
  }

  /** Sets the member; null and {@link #MISSING} become JSON null. */
  public JsonObject set(String name, JsonValue value) {
    members.put(name, value == null || value.isMissing() ? NULL : value);
    return this;
  }

  /** Sets a string member; null becomes JSON null. */
  public JsonObject put(String name, String value) {
    return set(name, JsonValue.of(value));
  }

  public JsonObject put(String name, long value) {
    return set(name, JsonValue.of(value));
  }

  public JsonObject put(String name, boolean value) {
    return set(name, JsonValue.of(value));
  }

  /** Sets the member only when it is absent. */
  public JsonObject putIfAbsent(String name, JsonValue value) {
    if (!members.containsKey(name)) {
      set(name, value);
    }
    return this;
  }

  /** A new empty object as the member {@code name}. */
  public JsonObject putObject(String name) {
    JsonObject object = new JsonObject();
    set(name, object);
    return object;
  }

  /** A new empty array as the member {@code name}. */
  public JsonArray putArray(String name) {
    JsonArray array = new JsonArray();
    set(name, array);
    return array;
  }

  /** Removes the member; returns it, or null when it was absent. */
  public JsonValue remove(String name) {
    return members.remove(name);
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(members.keySet());
  }

  public Set<Map.Entry<String, JsonValue>> members() {
    return Collections.unmodifiableMap(members).entrySet();
  }

  public int size() {
    return members.size();
  }

  /** The member values, in order. */
  @Override
  public Iterator<JsonValue> iterator() {
    return Collections.unmodifiableCollection(members.values()).iterator();
  }

  @Override
  public JsonObject deepCopy() {
    JsonObject copy = new JsonObject();
    members.forEach((name, value) -> copy.members.put(name, value.deepCopy()));
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject o && o.members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  /** Compact JSON text. */
  @Override
  public String toString() {
    return Json.write(this);
  }
}
