package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Answer;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.StructuredAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code input} of {@code threads.add_structured_input}: a status and answers by input
 * id.
 */
final class StructuredAnswersParser {

  private StructuredAnswersParser() {}

  static StructuredAnswers parse(RequestFields input) {
    String status = input.optionalString("status");
    boolean skipped;
    if (status == null || status.equals("answered")) {
      skipped = false;
    } else if (status.equals("skipped")) {
      skipped = true;
    } else {
      throw input.invalid("status", "must be answered or skipped");
    }
    Map<String, Answer> answers = new LinkedHashMap<>();
    input
        .optionalObject("answers")
        .ifPresent(
            all -> {
              for (Map.Entry<String, JsonNode> entry : all.node().properties()) {
                RequestFields answer =
                    new RequestFields(entry.getValue(), all.path(entry.getKey())).asObject();
                answers.put(entry.getKey(), answer(answer));
              }
            });
    return new StructuredAnswers(skipped, answers);
  }

  private static Answer answer(RequestFields answer) {
    List<String> values = new ArrayList<>();
    answer.optionalArray("values").orElse(List.of()).forEach(value -> values.add(value.asString()));
    return new Answer(values, answer.bool("skipped", false));
  }
}
