package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.port.out.turn.TurnInput;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every streaming request shares: take the thread's run (or answer "busy"), then stream the
 * responder's answer through the pipeline with the thread's recent history.
 */
final class Turns {

  private final ThreadItemRepository items;
  private final Runs runs;
  private final StreamPipeline pipeline;
  private final Responder responder;
  private final int historySize;

  Turns(
      ThreadItemRepository items,
      Runs runs,
      StreamPipeline pipeline,
      Responder responder,
      int historySize) {
    this.items = items;
    this.runs = runs;
    this.pipeline = pipeline;
    this.responder = responder;
    this.historySize = historySize;
  }

  /**
   * Takes the thread's run and runs {@code prepare} (the writes that must precede the answer), or
   * returns the single {@code error} event of a thread that is already answering, with nothing
   * written.
   */
  Multi<ThreadEvent> start(
      UserId owner, ChatThread thread, Function<Run, Multi<ThreadEvent>> prepare) {
    return runs.start(owner, thread.id())
        .map(run -> runs.beforeStream(run, () -> prepare.apply(run)))
        .orElseGet(() -> StreamPipeline.only(Runs.busy()));
  }

  /** The responder's answer to the thread, after {@code lead}. */
  Multi<ThreadEvent> respond(
      UserId owner,
      ChatThread thread,
      Run run,
      List<ThreadEvent> lead,
      Optional<ThreadItem> userMessage) {
    ChatThread snapshot = thread.copy();
    return pipeline.stream(
        owner,
        thread,
        run,
        lead,
        () ->
            responder.respond(
                new TurnInput(
                    owner,
                    snapshot,
                    items.latest(owner, snapshot.id(), historySize),
                    userMessage)));
  }

  /** The responder's answer to a widget action, after {@code lead}. */
  Multi<ThreadEvent> act(
      UserId owner, ChatThread thread, Run run, List<ThreadEvent> lead, ActionInput action) {
    return pipeline.stream(owner, thread, run, lead, () -> responder.action(action));
  }
}
