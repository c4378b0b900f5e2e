package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives each tool call an id that is unique however the provider numbers them (some send none, some
 * repeat {@code call_0} across turns or parallel calls), and remembers what the provider sent with it,
 * its own id and extra fields such as Gemini's thought signature, so the next request echoes them.
 * Bounded: the oldest calls are forgotten first, and then their ids are sent back as they are.
 */
final class ToolCallIds {

  /** What the provider sent along with a call: its id (null if none) and unknown fields. */
  record Origin(String providerId, ObjectNode extras) {}

  private final Map<String, Origin> origins;

  ToolCallIds(int capacity) {
    this.origins = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Origin> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The complete calls of one answer, with their ids settled. */
  synchronized List<ToolCall> publish(List<ToolCallAssembler.Assembled> calls, ErrorMapper errors) {
    Set<String> taken = new HashSet<>();
    List<ToolCall> published = new ArrayList<>();
    for (ToolCallAssembler.Assembled call : calls) {
      if (call.name() == null) {
        throw errors.badResponse("a tool call without a tool name");
      }
      String providerId = call.providerId();
      String id = providerId != null && !taken.contains(providerId) && !origins.containsKey(providerId)
          ? providerId : "call_" + UUID.randomUUID().toString().replace("-", "");
      taken.add(id);
      origins.put(id, new Origin(providerId, call.extras()));
      published.add(new ToolCall(id, call.name(), call.arguments()));
    }
    return published;
  }

  /** The id the provider knows a call by: its own when it gave one, else ours. */
  synchronized String providerId(String id) {
    Origin origin = origins.get(id);
    return origin == null || origin.providerId() == null ? id : origin.providerId();
  }

  synchronized Optional<ObjectNode> extras(String id) {
    return Optional.ofNullable(origins.get(id)).map(Origin::extras).filter(extras -> !extras.isEmpty());
  }
}
