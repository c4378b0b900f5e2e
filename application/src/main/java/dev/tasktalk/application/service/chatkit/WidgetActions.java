package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Action;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.CustomAction;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.SyncCustomAction;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.Optional;

/**
 * Widget actions: {@code threads.custom_action} streams the responder's answer (one run per thread,
 * as for messages); {@code threads.sync_custom_action} answers at once, even while a response
 * streams, and stores the item the responder returns.
 */
final class WidgetActions {

  private final Lookups lookups;
  private final ThreadItemRepository items;
  private final Turns turns;
  private final Responder responder;

  WidgetActions(Lookups lookups, ThreadItemRepository items, Turns turns, Responder responder) {
    this.lookups = lookups;
    this.items = items;
    this.turns = turns;
    this.responder = responder;
  }

  Multi<ThreadEvent> stream(UserId owner, CustomAction request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    Optional<ThreadItem> sender = sender(owner, thread, request.itemId());
    if (sender.isPresent() && sender.get().type() != ItemType.WIDGET) {
      // Exactly the reference's answer: one error event, not even stream_options.
      return StreamPipeline.only(ThreadEvent.Error.streamError(false));
    }
    ActionInput action = input(owner, thread, request.action(), sender);
    return turns.start(
        owner,
        thread,
        run -> turns.act(owner, thread, run, List.of(new ThreadEvent.StreamOptions(true)), action));
  }

  ChatKitResult sync(UserId owner, SyncCustomAction request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    Optional<ThreadItem> sender = sender(owner, thread, request.itemId());
    if (sender.isPresent() && sender.get().type() != ItemType.WIDGET) {
      throw new InvalidInputException("params.item_id", "only a widget can send an action");
    }
    Optional<ThreadItem> updated =
        responder.syncAction(input(owner, thread, request.action(), sender));
    if (updated.isEmpty()) {
      return new ChatKitResult.ActionResult(Optional.empty());
    }
    ThreadItem item = updated.get();
    if (!item.threadId().equals(thread.id())) {
      throw new IllegalStateException("the responder returned an item of another thread");
    }
    // The reference leaves saving to the handler; we store it so a reload shows what the user saw.
    items.save(owner, item);
    return new ChatKitResult.ActionResult(item.hidden() ? Optional.empty() : Optional.of(item));
  }

  private Optional<ThreadItem> sender(UserId owner, ChatThread thread, Optional<ItemId> id) {
    return id.map(itemId -> lookups.visibleItem(owner, thread.id(), itemId));
  }

  private static ActionInput input(
      UserId owner, ChatThread thread, Action action, Optional<ThreadItem> sender) {
    return new ActionInput(owner, thread.copy(), action.type(), action.payload(), sender);
  }
}
