package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Assembles a response stream: the events the server already knows (thread created, the stored user
 * message, {@code stream_options}, …) followed by the responder's events passed through a {@link
 * StreamSession}. The responder is called only when the client subscribes; its failures become one
 * {@code error} event; a cancelled subscription cancels the responder and settles the run.
 */
final class StreamPipeline {

  private final ChatThreadRepository threads;
  private final ThreadItemRepository items;
  private final Runs runs;
  private final Clock clock;

  StreamPipeline(ChatThreadRepository threads, ThreadItemRepository items, Runs runs, Clock clock) {
    this.threads = threads;
    this.items = items;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * @param lead events emitted first, already stored
   * @param responder called once, on subscription, for the events to pass through the session
   */
  Multi<ThreadEvent> stream(
      UserId owner,
      ChatThread thread,
      Run run,
      List<ThreadEvent> lead,
      Supplier<Multi<ThreadEvent>> responder) {
    StreamSession session = new StreamSession(owner, thread, run, threads, items, runs, clock);
    Multi<ThreadEvent> answer =
        Multi.createFrom()
            .<ThreadEvent>deferred(responder::get)
            .onItem()
            .transformToIterable(session::apply)
            .onFailure()
            .recoverWithItem(session::failed);
    Multi<ThreadEvent> whole =
        Multi.createBy()
            .concatenating()
            .streams(Multi.createFrom().iterable(lead), answer)
            .onTermination()
            .invoke(
                (failure, cancelled) -> {
                  if (cancelled) {
                    session.cancelled();
                  } else {
                    session.completed();
                  }
                });
    return once(whole);
  }

  /** A stream with a single event and no run, for answers refused in-band. */
  static Multi<ThreadEvent> only(ThreadEvent event) {
    return Multi.createFrom().item(event);
  }

  private static Multi<ThreadEvent> once(Multi<ThreadEvent> stream) {
    // The run and the responder belong to one HTTP response: a second subscriber would answer
    // twice.
    AtomicBoolean taken = new AtomicBoolean();
    return Multi.createFrom()
        .deferred(
            () ->
                taken.compareAndSet(false, true)
                    ? stream
                    : Multi.createFrom()
                        .failure(
                            new IllegalStateException("a response stream can be consumed once")));
  }
}
