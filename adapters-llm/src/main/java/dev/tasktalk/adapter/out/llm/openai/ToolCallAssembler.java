package dev.tasktalk.adapter.out.llm.openai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts streamed {@code tool_calls} deltas back together. Deltas belong to a call by {@code index};
 * providers that leave it out (Gemini, older Ollama) are matched by id, else a delta naming a tool
 * starts a new call. A second whole JSON object, a new id or another name on the same index starts
 * a new call too, since some relays put parallel calls on index 0.
 */
final class ToolCallAssembler {

  /** A call as the provider sent it: its id (null if none), name, arguments and unknown fields. */
  record Assembled(String providerId, String name, String arguments, ObjectNode extras) {}

  private static final Set<String> KNOWN_FIELDS = Set.of("index", "id", "type", "function");

  private final List<Partial> calls = new ArrayList<>();
  private final Map<Integer, Partial> byIndex = new HashMap<>();

  void accept(JsonNode toolCalls) {
    if (toolCalls.isArray()) {
      toolCalls.forEach(this::acceptOne);
    }
  }

  boolean isEmpty() {
    return calls.isEmpty();
  }

  /** The calls in the order they started; nameless leftovers without arguments are dropped. */
  List<Assembled> calls() {
    List<Assembled> done = new ArrayList<>();
    for (Partial call : calls) {
      if (call.name != null || !call.arguments.toString().isBlank()) {
        done.add(new Assembled(call.id, call.name, call.arguments.toString(), call.extras));
      }
    }
    return done;
  }

  private void acceptOne(JsonNode delta) {
    JsonNode function = delta.path("function");
    String id = text(delta.path("id"));
    String name = text(function.path("name"));
    String fragment = arguments(function.path("arguments"));
    Partial call =
        delta.path("index").canConvertToInt()
            ? byIndex(delta.path("index").asInt(), id, name, fragment)
            : withoutIndex(id, name, fragment);
    call.merge(id, name, fragment);
    delta.properties().stream()
        .filter(field -> !KNOWN_FIELDS.contains(field.getKey()))
        .forEach(field -> call.extras.set(field.getKey(), field.getValue().deepCopy()));
  }

  private Partial byIndex(int index, String id, String name, String fragment) {
    Partial current = byIndex.get(index);
    if (current == null || current.startsAnother(id, name, fragment)) {
      current = open();
      byIndex.put(index, current);
    }
    return current;
  }

  private Partial withoutIndex(String id, String name, String fragment) {
    if (id != null) {
      for (int i = calls.size() - 1; i >= 0; i--) {
        Partial call = calls.get(i);
        if (id.equals(call.id)) {
          return call.startsAnother(null, name, fragment) ? open() : call;
        }
      }
      return open();
    }
    Partial last = last();
    if (last == null) {
      return open();
    }
    boolean namesAnother =
        name != null && last.name != null && (!name.equals(last.name) || last.hasWholeArguments());
    return namesAnother || last.startsAnother(null, null, fragment) ? open() : last;
  }

  private Partial open() {
    Partial call = new Partial();
    calls.add(call);
    return call;
  }

  private Partial last() {
    return calls.isEmpty() ? null : calls.get(calls.size() - 1);
  }

  private static String text(JsonNode node) {
    return node.isString() && !node.stringValue().isEmpty() ? node.stringValue() : null;
  }

  /** A string fragment as OpenAI sends it, or a whole object as Ollama's native API does. */
  private static String arguments(JsonNode node) {
    if (node.isString()) {
      return node.stringValue();
    }
    return node.isObject() ? node.toString() : null;
  }

  /** One call being put together. */
  private static final class Partial {
    String id;
    String name;
    final StringBuilder arguments = new StringBuilder();
    final ObjectNode extras = JsonMapper.shared().createObjectNode();

    void merge(String id, String name, String fragment) {
      this.id = this.id == null ? id : this.id;
      this.name = this.name == null ? name : this.name;
      if (fragment != null) {
        arguments.append(fragment);
      }
    }

    boolean startsAnother(String id, String name, String fragment) {
      return (id != null && this.id != null && !id.equals(this.id))
          || (name != null && this.name != null && !name.equals(this.name))
          || (fragment != null && fragment.stripLeading().startsWith("{") && hasWholeArguments());
    }

    boolean hasWholeArguments() {
      String text = arguments.toString().strip();
      if (!text.startsWith("{") || !text.endsWith("}")) {
        return false;
      }
      try {
        return JsonMapper.shared().readTree(text).isObject();
      } catch (JacksonException incomplete) {
        return false;
      }
    }
  }
}
