package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.chatkit.ChatKitJson;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Answer;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.StructuredAnswers;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills a pending {@code structured_input} item with the user's answers as the reference does: a
 * missing, skipped or empty answer (or a skipped submission) becomes {@code skipped}; a single-choice
 * question keeps only the first value; answers to unknown inputs are ignored.
 */
final class StructuredAnswering {

  private StructuredAnswering() {}

  static ThreadItem answer(ThreadItem pending, StructuredAnswers submitted) {
    ObjectNode payload = ChatKitJson.readObject(pending.payload());
    JsonNode inputs = payload.get("inputs");
    if (inputs != null && inputs.isArray()) {
      for (JsonNode input : inputs) {
        if (input.isObject()) {
          ObjectNode question = (ObjectNode) input;
          Answer answer = submitted.answers().get(ChatKitJson.text(question, "id"));
          question.set("answer", answerNode(question, submitted.skipped() ? null : answer));
        }
      }
    }
    payload.put("status", submitted.skipped() ? "skipped" : "answered");
    return pending.withPayload(ChatKitJson.write(payload));
  }

  private static ObjectNode answerNode(ObjectNode question, Answer answer) {
    ObjectNode node = ChatKitJson.object();
    ArrayNode values = node.putArray("values");
    if (answer == null || answer.skipped() || answer.values().isEmpty()) {
      node.put("skipped", true);
      return node;
    }
    boolean singleChoice = "multiple_choice".equals(ChatKitJson.text(question, "type"))
        && !question.path("multiple").asBoolean(false);
    List<String> kept = singleChoice ? answer.values().subList(0, 1) : answer.values();
    kept.forEach(values::add);
    node.put("skipped", false);
    return node;
  }
}
