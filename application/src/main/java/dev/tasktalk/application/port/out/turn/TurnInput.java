package dev.tasktalk.application.port.out.turn;

import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a responder answers: the thread, its stored items oldest first (hidden ones included, since
 * they carry context for the model), and the user message that started this turn when there is one
 * (there is none after a client tool's output or a structured input).
 */
public record TurnInput(
    UserId owner, ChatThread thread, List<ThreadItem> history, Optional<ThreadItem> userMessage) {

  public TurnInput {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(thread, "thread");
    history = List.copyOf(history);
    Objects.requireNonNull(userMessage, "userMessage");
  }
}
