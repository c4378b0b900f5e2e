package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonArray;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hidden records that let later turns show the model its own tool calls. A round is {@code
 * {"kind":"tool_calls","agent","calls":[{"id","name","arguments","result"}],"assistant_text",
 * "reasoning","message_id"}} (a call waiting for confirmation has no {@code result} but an {@code
 * approval_id}); the decision on it comes later as {@code
 * {"kind":"tool_result","id","name","result"}}. Arguments and results are JSON text, kept verbatim.
 * A call also keeps what its provider must get back ({@code provider_id}, {@code provider_data}:
 * see {@link ToolCall}), which no instance keeps in memory.
 */
final class ToolLog {

  static final String ROUND = "tool_calls";
  static final String RESULT = "tool_result";

  /** What a hidden record says, if it is one of ours. */
  sealed interface Entry {}

  /** One model response with tool calls and, for those that ran, their results. */
  record Round(
      String agent, String text, String reasoning, String messageId, List<LoggedCall> calls)
      implements Entry {
    Round {
      calls = List.copyOf(calls);
    }
  }

  /** The late result of a call that waited for the user's decision. */
  record Result(String callId, String name, String result) implements Entry {}

  /** A tool call as recorded: {@code result} null while a confirmation is pending. */
  record LoggedCall(
      String id,
      String name,
      String arguments,
      String result,
      String approvalId,
      String providerId,
      String providerData) {

    /** A call the provider knows by {@code id} and sent nothing else with. */
    LoggedCall(String id, String name, String arguments, String result, String approvalId) {
      this(id, name, arguments, result, approvalId, null, null);
    }

    /** The call as the model made it, with what its provider must get back. */
    ToolCall call() {
      return new ToolCall(id, name, arguments, providerId, providerData);
    }
  }

  private ToolLog() {}

  static String round(Round round) {
    JsonObject content = Json.object().put("kind", ROUND).put("agent", round.agent());
    JsonArray calls = content.putArray("calls");
    for (LoggedCall call : round.calls()) {
      JsonObject node =
          calls
              .addObject()
              .put("id", call.id())
              .put("name", call.name())
              .put("arguments", call.arguments());
      if (call.result() != null) {
        node.put("result", call.result());
      }
      if (call.approvalId() != null) {
        node.put("approval_id", call.approvalId());
      }
      if (call.providerId() != null) {
        node.put("provider_id", call.providerId());
      }
      if (call.providerData() != null) {
        node.put("provider_data", call.providerData());
      }
    }
    content.put("assistant_text", round.text());
    content.put("reasoning", round.reasoning());
    content.put("message_id", round.messageId());
    return ItemJson.hidden(content);
  }

  static String result(Result result) {
    return ItemJson.hidden(
        Json.object()
            .put("kind", RESULT)
            .put("id", result.callId())
            .put("name", result.name())
            .put("result", result.result()));
  }

  static Optional<Entry> read(ThreadItem item) {
    if (item.type() != ItemType.HIDDEN_CONTEXT) {
      return Optional.empty();
    }
    JsonValue content = Json.parseObject(item.payload()).path("content");
    String kind = content.isObject() ? content.path("kind").stringValue() : null;
    if (ROUND.equals(kind)) {
      List<LoggedCall> calls = new ArrayList<>();
      for (JsonValue call : content.path("calls")) {
        String id = call.path("id").stringValue();
        String name = call.path("name").stringValue();
        if (id != null && name != null) {
          calls.add(
              new LoggedCall(
                  id,
                  name,
                  call.path("arguments").stringValue(),
                  call.path("result").stringValue(),
                  call.path("approval_id").stringValue(),
                  call.path("provider_id").stringValue(),
                  call.path("provider_data").stringValue()));
        }
      }
      return Optional.of(
          new Round(
              content.path("agent").stringValue(),
              content.path("assistant_text").stringValue(),
              content.path("reasoning").stringValue(),
              content.path("message_id").stringValue(),
              calls));
    }
    if (RESULT.equals(kind) && content.path("id").stringValue() != null) {
      return Optional.of(
          new Result(
              content.path("id").stringValue(),
              content.path("name").stringValue(),
              content.path("result").stringValue()));
    }
    return Optional.empty();
  }
}
