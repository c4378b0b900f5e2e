package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.chatkit.ChatKitJson;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hidden records that let later turns show the model its own tool calls. A round is
 * {@code {"kind":"tool_calls","agent","calls":[{"id","name","arguments","result"}],"assistant_text",
 * "reasoning","message_id"}} (a call waiting for confirmation has no {@code result} but an
 * {@code approval_id}); the decision on it comes later as {@code {"kind":"tool_result","id","name","result"}}.
 * Arguments and results are JSON text, kept verbatim. A call also keeps what its provider must get back
 * ({@code provider_id}, {@code provider_data}: see {@link ToolCall}), which no instance keeps in memory.
 */
final class ToolLog {

  static final String ROUND = "tool_calls";
  static final String RESULT = "tool_result";

  /** What a hidden record says, if it is one of ours. */
  sealed interface Entry {}

  /** One model response with tool calls and, for those that ran, their results. */
  record Round(String agent, String text, String reasoning, String messageId, List<LoggedCall> calls)
      implements Entry {
    Round {
      calls = List.copyOf(calls);
    }
  }

  /** The late result of a call that waited for the user's decision. */
  record Result(String callId, String name, String result) implements Entry {}

  /** A tool call as recorded: {@code result} null while a confirmation is pending. */
  record LoggedCall(String id, String name, String arguments, String result, String approvalId,
      String providerId, String providerData) {

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
    ObjectNode content = ChatKitJson.object().put("kind", ROUND).put("agent", round.agent());
    ArrayNode calls = content.putArray("calls");
    for (LoggedCall call : round.calls()) {
      ObjectNode node = calls.addObject().put("id", call.id()).put("name", call.name())
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
    return ItemJson.hidden(ChatKitJson.object().put("kind", RESULT).put("id", result.callId())
        .put("name", result.name()).put("result", result.result()));
  }

  static Optional<Entry> read(ThreadItem item) {
    if (item.type() != ItemType.HIDDEN_CONTEXT) {
      return Optional.empty();
    }
    JsonNode content = ChatKitJson.readObject(item.payload()).path("content");
    String kind = content.isObject() ? ChatKitJson.text(content, "kind") : null;
    if (ROUND.equals(kind)) {
      List<LoggedCall> calls = new ArrayList<>();
      for (JsonNode call : content.path("calls")) {
        String id = ChatKitJson.text(call, "id");
        String name = ChatKitJson.text(call, "name");
        if (id != null && name != null) {
          calls.add(new LoggedCall(id, name, ChatKitJson.text(call, "arguments"), ChatKitJson.text(call, "result"),
              ChatKitJson.text(call, "approval_id"), ChatKitJson.text(call, "provider_id"),
              ChatKitJson.text(call, "provider_data")));
        }
      }
      return Optional.of(new Round(ChatKitJson.text(content, "agent"), ChatKitJson.text(content, "assistant_text"),
          ChatKitJson.text(content, "reasoning"), ChatKitJson.text(content, "message_id"), calls));
    }
    if (RESULT.equals(kind) && ChatKitJson.text(content, "id") != null) {
      return Optional.of(new Result(ChatKitJson.text(content, "id"), ChatKitJson.text(content, "name"),
          ChatKitJson.text(content, "result")));
    }
    return Optional.empty();
  }
}
