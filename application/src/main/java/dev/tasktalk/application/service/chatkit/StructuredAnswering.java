package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonArray;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Answer;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.StructuredAnswers;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;

/**
 * Fills a pending {@code structured_input} item with the user's answers as the reference does: a
 * missing, skipped or empty answer (or a skipped submission) becomes {@code skipped}; a
 * single-choice question keeps only the first value; answers to unknown inputs are ignored.
 */
final class StructuredAnswering {

  private StructuredAnswering() {}

  static ThreadItem answer(ThreadItem pending, StructuredAnswers submitted) {
    JsonObject payload = Json.parseObject(pending.payload());
    JsonValue inputs = payload.get("inputs");
    if (inputs != null && inputs.isArray()) {
      for (JsonValue input : inputs) {
        if (input.isObject()) {
          JsonObject question = (JsonObject) input;
          Answer answer = submitted.answers().get(question.path("id").stringValue());
          question.set("answer", answerNode(question, submitted.skipped() ? null : answer));
        }
      }
    }
    payload.put("status", submitted.skipped() ? "skipped" : "answered");
    return pending.withPayload(Json.write(payload));
  }

  private static JsonObject answerNode(JsonObject question, Answer answer) {
    JsonObject node = Json.object();
    JsonArray values = node.putArray("values");
    if (answer == null || answer.skipped() || answer.values().isEmpty()) {
      node.put("skipped", true);
      return node;
    }
    boolean singleChoice =
        "multiple_choice".equals(question.path("type").stringValue())
            && !question.path("multiple").asBoolean(false);
    List<String> kept = singleChoice ? answer.values().subList(0, 1) : answer.values();
    kept.forEach(values::add);
    node.put("skipped", false);
    return node;
  }
}
