package dev.tasktalk.application.port.out.turn;

import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A widget action ({@code threads.custom_action} / {@code sync_custom_action}): its type, its
 * payload as JSON text ({@code null} JSON when absent) and the widget item that sent it, if any.
 */
public record ActionInput(
    UserId owner, ChatThread thread, String type, String payload, Optional<ThreadItem> sender) {

  public ActionInput {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(sender, "sender");
  }
}
