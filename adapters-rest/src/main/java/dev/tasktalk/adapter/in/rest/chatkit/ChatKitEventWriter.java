package dev.tasktalk.adapter.in.rest.chatkit;

import dev.tasktalk.domain.event.ThreadEvent;

/**
 * Renders a thread event as the ChatKit stream event JSON the browser expects. The application owns
 * the wire format; the app module provides this bean by delegating to the application's codec.
 */
public interface ChatKitEventWriter {

  /**
   * The event as compact, single-line JSON, or {@code null} for an event the client never sees.
   */
  String toJson(ThreadEvent event);
}
