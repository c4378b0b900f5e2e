package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.List;

/**
 * One model response as it streams: its text becomes an assistant message (added on the first text,
 * one delta per piece, done with the full text when the response ends); its reasoning and tool
 * calls are kept for the record and the next step.
 */
final class ModelStep {

  private final TurnItems items;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final List<ToolCall> calls = new ArrayList<>();
  private ThreadItem message;

  ModelStep(TurnItems items) {
    this.items = items;
  }

  boolean started() {
    return message != null;
  }

  /** The message item's start: added with no content, then its one (empty) part. */
  List<ThreadEvent> start() {
    message = items.create(ItemType.ASSISTANT_MESSAGE, ItemJson.emptyAssistantMessage());
    return List.of(
        new ThreadEvent.ItemAdded(message),
        new ThreadEvent.ItemUpdated(message.id(), ItemJson.contentPartAdded()));
  }

  ThreadEvent text(String delta) {
    text.append(delta);
    return new ThreadEvent.ItemUpdated(message.id(), ItemJson.textDelta(delta));
  }

  void reasoning(String delta) {
    reasoning.append(delta);
  }

  void call(ToolCall call) {
    calls.add(call);
  }

  /** The message's end (part done, item done with the full text), if text came. */
  List<ThreadEvent> finish() {
    if (message == null) {
      return List.of();
    }
    String full = text.toString();
    return List.of(
        new ThreadEvent.ItemUpdated(message.id(), ItemJson.contentPartDone(full)),
        new ThreadEvent.ItemDone(message.withPayload(ItemJson.assistantMessage(full))));
  }

  String text() {
    return text.toString();
  }

  /** The reasoning text, null when the model gave none. */
  String reasoningText() {
    return reasoning.isEmpty() ? null : reasoning.toString();
  }

  List<ToolCall> calls() {
    return List.copyOf(calls);
  }

  /** The id of the message shown for this response, null when it had no text. */
  String messageId() {
    return message == null ? null : message.id().value();
  }
}
