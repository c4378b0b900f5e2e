package dev.tasktalk.application.port.out.turn;

import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ThreadItem;
import io.smallrye.mutiny.Multi;
import java.util.Optional;

/**
 * The turn engine behind the ChatKit server: given a thread it streams the assistant's events
 * (items added, updated and done, titles, progress). The ChatKit service stores what it emits and
 * handles cancellation, so a responder only produces events; cancelling the subscription must stop
 * its work.
 */
public interface Responder {

  Multi<ThreadEvent> respond(TurnInput input);

  /** Handles a streaming widget action. */
  Multi<ThreadEvent> action(ActionInput input);

  /** Handles a non-streaming widget action; the returned item (if any) replaces the sender. */
  Optional<ThreadItem> syncAction(ActionInput input);
}
