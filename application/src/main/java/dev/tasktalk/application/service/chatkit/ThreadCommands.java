package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.DeleteThread;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Feedback;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UpdateThread;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.util.List;

/**
 * Renaming and deleting threads, and thumbs up/down on items; a rename answers the renamed thread.
 */
final class ThreadCommands {

  static final ChatKitResult EMPTY = new ChatKitResult.Empty();

  private final Lookups lookups;
  private final ChatThreadRepository threads;
  private final FeedbackRepository feedback;
  private final Clock clock;

  ThreadCommands(
      Lookups lookups, ChatThreadRepository threads, FeedbackRepository feedback, Clock clock) {
    this.lookups = lookups;
    this.threads = threads;
    this.feedback = feedback;
    this.clock = clock;
  }

  ChatKitResult rename(UserId owner, UpdateThread request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    try {
      thread.retitle(request.title());
    } catch (InvalidInputException e) {
      throw new InvalidInputException("params.title", e.getMessage());
    }
    if (!threads.update(thread)) {
      throw new ThreadNotFoundException(thread.id());
    }
    return new ChatKitResult.ThreadResult(thread, new Page<>(List.of(), false));
  }

  ChatKitResult delete(UserId owner, DeleteThread request) {
    if (!threads.delete(owner, request.threadId())) {
      throw new ThreadNotFoundException(request.threadId());
    }
    return EMPTY;
  }

  ChatKitResult feedback(UserId owner, Feedback request) {
    ChatThread thread = lookups.thread(owner, request.threadId());
    for (ItemId id : request.itemIds()) {
      lookups.visibleItem(owner, thread.id(), id);
    }
    feedback.add(owner, thread.id(), request.itemIds(), request.feedbackKind(), clock.instant());
    return EMPTY;
  }
}
