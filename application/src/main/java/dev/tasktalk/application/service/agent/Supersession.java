package dev.tasktalk.application.service.agent;

import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * A new message while a confirmation waits means the user moved on: the pending approvals of the
 * thread are superseded (the model later reads their calls as "not confirmed") and their cards,
 * when still in the history, lose their buttons.
 */
final class Supersession {

  private Supersession() {}

  static List<ThreadEvent> supersede(
      Engine engine, UserId owner, ChatThread thread, List<ThreadItem> history) {
    List<ThreadEvent> events = new ArrayList<>();
    for (Approval approval : engine.approvals().pending(owner, thread.id())) {
      if (!engine
          .approvals()
          .decide(owner, approval.id(), ApprovalStatus.SUPERSEDED, engine.clock().instant())) {
        continue;
      }
      // Only a card that is still stored may be replaced: replacing is an upsert and must not
      // resurrect one.
      history.stream()
          .filter(
              item -> item.type() == ItemType.WIDGET && item.id().equals(approval.widgetItemId()))
          .findFirst()
          .ifPresent(
              card ->
                  events.add(
                      new ThreadEvent.ItemReplaced(
                          card.withPayload(
                              ConfirmationWidget.settled(
                                  ConfirmationWidget.outcome(
                                      "Not confirmed", ConfirmationWidget.question(card)))))));
    }
    return events;
  }
}
