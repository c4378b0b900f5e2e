package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.AddClientToolOutput;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.AddStructuredInput;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.RetryAfterItem;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.Optional;

/**
 * The streams that continue a thread without a new message: a client tool's output, answers to a
 * structured input, and a retry. Each checks the thread's state first, so a refusal is an HTTP
 * error rather than an aborted stream as in the reference.
 */
final class ResumedTurns {

  /**
   * How far back a pending client tool call is looked for (the reference looks at the last item
   * only).
   */
  static final int TOOL_CALL_LOOKBACK = 20;

  private static final List<ThreadEvent> ALLOW_CANCEL =
      List.of(new ThreadEvent.StreamOptions(true));

  private final Lookups lookups;
  private final ThreadItemRepository items;
  private final Turns turns;

  ResumedTurns(Lookups lookups, ThreadItemRepository items, Turns turns) {
    this.lookups = lookups;
    this.items = items;
    this.turns = turns;
  }

  Multi<ThreadEvent> toolOutput(UserId owner, AddClientToolOutput request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    List<ThreadItem> waiting =
        items.latest(owner, thread.id(), TOOL_CALL_LOOKBACK).stream()
            .filter(ItemPayloads::isPendingClientToolCall)
            .toList();
    if (waiting.isEmpty()) {
      throw new InvalidInputException(
          "params.thread_id", "no client tool call is waiting for output");
    }
    ThreadItem call = waiting.get(waiting.size() - 1);
    return turns.start(
        owner,
        thread,
        run -> {
          items.save(owner, ItemPayloads.completedToolCall(call, request.result()));
          // Older calls still pending were abandoned; only one client tool call is open per turn.
          waiting
              .subList(0, waiting.size() - 1)
              .forEach(stale -> items.delete(owner, thread.id(), stale.id()));
          return turns.respond(owner, thread, run, ALLOW_CANCEL, Optional.empty());
        });
  }

  Multi<ThreadEvent> structuredInput(UserId owner, AddStructuredInput request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    ThreadItem item = lookups.visibleItem(owner, thread.id(), request.itemId());
    if (!ItemPayloads.isPendingStructuredInput(item)) {
      throw new InvalidInputException(
          "params.item_id", "item " + item.id() + " is not waiting for answers");
    }
    ThreadItem answered = StructuredAnswering.answer(item, request.input());
    return turns.start(
        owner,
        thread,
        run -> {
          items.save(owner, answered);
          return turns.respond(
              owner,
              thread,
              run,
              List.of(new ThreadEvent.StreamOptions(true), new ThreadEvent.ItemReplaced(answered)),
              Optional.empty());
        });
  }

  Multi<ThreadEvent> retry(UserId owner, RetryAfterItem request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    ThreadItem message = lookups.visibleItem(owner, thread.id(), request.itemId());
    if (message.type() != ItemType.USER_MESSAGE) {
      throw new InvalidInputException("params.item_id", "only a user message can be retried");
    }
    return turns.start(
        owner,
        thread,
        run -> {
          // No removal events: the client drops the superseded items itself, as with the reference.
          items.deleteAfter(owner, thread.id(), message.id());
          return turns.respond(owner, thread, run, ALLOW_CANCEL, Optional.of(message));
        });
  }
}
