package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.Optional;

/**
 * The card that asks before a destructive tool call runs: the question, then Confirm and Cancel
 * buttons whose actions ({@code approval.confirm}, {@code approval.cancel}) carry the approval's
 * id. Once decided it is replaced by a card that only says what happened.
 */
final class ConfirmationWidget {

  static final String CONFIRM = "approval.confirm";
  static final String CANCEL = "approval.cancel";

  private ConfirmationWidget() {}

  static String asking(String approvalId, String question) {
    JsonObject card = card(question);
    card.set("confirm", button("Confirm", CONFIRM, approvalId));
    card.set("cancel", button("Cancel", CANCEL, approvalId));
    return ItemJson.widget(card, question);
  }

  static String settled(String text) {
    return ItemJson.widget(card(text), text);
  }

  /** The question an asking card shows, when the item is one. */
  static Optional<String> question(ThreadItem widget) {
    JsonValue first = Json.parseObject(widget.payload()).path("widget").path("children").path(0);
    return Optional.ofNullable(first.path("value").stringValue());
  }

  /** "Cancelled: Delete task ‘Buy milk’" for the question "Delete task ‘Buy milk’?". */
  static String outcome(String status, Optional<String> question) {
    return question.map(q -> status + ": " + q.strip().replaceAll("[?？؟]+$", "")).orElse(status);
  }

  private static JsonObject card(String text) {
    JsonObject card = Json.object().put("type", "Card");
    card.putArray("children").addObject().put("type", "Text").put("value", text);
    return card;
  }

  private static JsonObject button(String label, String action, String approvalId) {
    JsonObject button = Json.object().put("label", label);
    button
        .putObject("action")
        .put("type", action)
        .putObject("payload")
        .put("approval_id", approvalId);
    return button;
  }
}
