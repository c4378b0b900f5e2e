package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Gives each tool call of one answer an id that is unique in its conversation however the provider
 * numbers them (some send none, some repeat {@code call_0} across turns or parallel calls), and
 * puts what the provider sent with it, its own id and extra fields such as Gemini's thought
 * signature, on the {@link ToolCall}, so that the caller stores them and the next request echoes
 * them. Keeps nothing between requests: the ids already taken are those of the request's history.
 */
final class ToolCallIds {

  private final Set<String> taken = new HashSet<>();

  /** The ids for an answer to a request with {@code history}. */
  ToolCallIds(List<ModelMessage> history) {
    for (ModelMessage message : history) {
      if (message instanceof ModelMessage.Assistant assistant) {
        assistant.toolCalls().forEach(call -> taken.add(call.id()));
      }
    }
  }

  /** The complete calls of one answer, with their ids settled. */
  List<ToolCall> publish(List<ToolCallAssembler.Assembled> calls, ErrorMapper errors) {
    List<ToolCall> published = new ArrayList<>();
    for (ToolCallAssembler.Assembled call : calls) {
      if (call.name() == null) {
        throw errors.badResponse("a tool call without a tool name");
      }
      String providerId = call.providerId();
      String id =
          providerId != null && !taken.contains(providerId)
              ? providerId
              : "call_" + UUID.randomUUID().toString().replace("-", "");
      taken.add(id);
      String extras =
          call.extras() == null || call.extras().isEmpty() ? null : call.extras().toString();
      published.add(new ToolCall(id, call.name(), call.arguments(), providerId, extras));
    }
    return published;
  }
}
