package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserInput;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code threads.create} and {@code threads.add_user_message}: check the input, take the thread's
 * run, store the user message (committed before the responder is called), then stream the answer.
 */
final class MessageTurns {

  private static final ThreadEvent ALLOW_CANCEL = new ThreadEvent.StreamOptions(true);

  private final ChatThreadRepository threads;
  private final Lookups lookups;
  private final UserMessages messages;
  private final Turns turns;
  private final Clock clock;

  MessageTurns(
      ChatThreadRepository threads,
      Lookups lookups,
      UserMessages messages,
      Turns turns,
      Clock clock) {
    this.threads = threads;
    this.lookups = lookups;
    this.messages = messages;
    this.turns = turns;
    this.clock = clock;
  }

  Multi<ThreadEvent> create(UserId owner, UserInput input) {
    List<Attachment> files = messages.resolve(owner, input, null);
    ChatThread thread = ChatThread.start(owner, clock.instant());
    threads.add(thread);
    ThreadEvent created = new ThreadEvent.ThreadCreated(thread.copy());
    return turns.start(
        owner,
        thread,
        run -> {
          ThreadItem message = messages.store(owner, thread.id(), input, files);
          return turns.respond(
              owner,
              thread,
              run,
              List.of(created, new ThreadEvent.ItemDone(message), ALLOW_CANCEL),
              Optional.of(message));
        });
  }

  Multi<ThreadEvent> add(UserId owner, ThreadId threadId, UserInput input) {
    ChatThread thread = lookups.thread(owner, threadId);
    List<Attachment> files = messages.resolve(owner, input, threadId);
    return turns.start(
        owner,
        thread,
        run -> {
          ThreadItem message = messages.store(owner, threadId, input, files);
          return turns.respond(
              owner,
              thread,
              run,
              List.of(new ThreadEvent.ItemDone(message), ALLOW_CANCEL),
              Optional.of(message));
        });
  }
}
