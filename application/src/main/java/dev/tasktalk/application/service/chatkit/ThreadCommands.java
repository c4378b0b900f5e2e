package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.chatkit.ChatKitCodec;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.DeleteThread;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Feedback;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UpdateThread;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;

/** Renaming and deleting threads, and thumbs up/down on items; each answers with plain JSON. */
final class ThreadCommands {

  static final String EMPTY = "{}";

  private final Lookups lookups;
  private final ChatThreadRepository threads;
  private final FeedbackRepository feedback;
  private final ChatKitCodec codec;
  private final Clock clock;

  ThreadCommands(Lookups lookups, ChatThreadRepository threads, FeedbackRepository feedback,
      ChatKitCodec codec, Clock clock) {
    this.lookups = lookups;
    this.threads = threads;
    this.feedback = feedback;
    this.codec = codec;
    this.clock = clock;
  }

  String rename(UserId owner, UpdateThread request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    try {
      thread.retitle(request.title());
    } catch (InvalidInputException e) {
      throw new InvalidInputException("params.title", e.getMessage());
    }
    if (!threads.update(thread)) {
      throw new ThreadNotFoundException(thread.id());
    }
    return codec.thread(thread);
  }

  String delete(UserId owner, DeleteThread request) {
    if (!threads.delete(owner, request.threadId())) {
      throw new ThreadNotFoundException(request.threadId());
    }
    return EMPTY;
  }

  String feedback(UserId owner, Feedback request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    for (ItemId id : request.itemIds()) {
      lookups.visibleItem(owner, thread.id(), id);
    }
    feedback.add(owner, thread.id(), request.itemIds(), request.feedbackKind(), clock.instant());
    return EMPTY;
  }
}
