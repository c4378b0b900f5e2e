package dev.tasktalk.application.port.in.chatkit;

import dev.tasktalk.domain.event.ThreadEvent;
import io.smallrye.mutiny.Multi;

/** A ChatKit request's answer: one JSON body, or a stream of events to send as SSE. */
public sealed interface ChatKitResult {

  /** A complete JSON response body. */
  record Json(String body) implements ChatKitResult {}

  /**
   * Events to stream in order. Cancelling the subscription (the client went away: the Stop button)
   * stops the response: the model call is cancelled, partial text kept, the run marked cancelled.
   */
  record Stream(Multi<ThreadEvent> events) implements ChatKitResult {}
}
