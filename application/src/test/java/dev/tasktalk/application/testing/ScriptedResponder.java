package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.port.out.turn.TurnInput;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link Responder} that plays scripted turns, one per call ({@code respond} or {@code action}),
 * in the order they were queued; with none queued it answers "OK". It records its inputs and counts
 * cancelled subscriptions, so tests can check what the ChatKit service asked and stopped.
 */
public final class ScriptedResponder implements Responder {

  private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

  private final Deque<Turn> turns = new ArrayDeque<>();
  private final List<TurnInput> inputs = new CopyOnWriteArrayList<>();
  private final List<ActionInput> actions = new CopyOnWriteArrayList<>();
  private final AtomicInteger cancellations = new AtomicInteger();
  private Function<ActionInput, Optional<ThreadItem>> syncAnswer = action -> Optional.empty();

  /** Queues the next turn. */
  public synchronized ScriptedResponder then(Turn turn) {
    turns.add(turn);
    return this;
  }

  public void answerSyncActionsWith(Function<ActionInput, Optional<ThreadItem>> answer) {
    this.syncAnswer = answer;
  }

  @Override
  public Multi<ThreadEvent> respond(TurnInput input) {
    inputs.add(input);
    return next().play(input.thread().id(), cancellations);
  }

  @Override
  public Multi<ThreadEvent> action(ActionInput input) {
    actions.add(input);
    return next().play(input.thread().id(), cancellations);
  }

  @Override
  public Optional<ThreadItem> syncAction(ActionInput input) {
    actions.add(input);
    return syncAnswer.apply(input);
  }

  public List<TurnInput> inputs() {
    return List.copyOf(inputs);
  }

  public List<ActionInput> actions() {
    return List.copyOf(actions);
  }

  /** How many turns were stopped by their subscriber. */
  public int cancellations() {
    return cancellations.get();
  }

  private synchronized Turn next() {
    return turns.isEmpty() ? turn().text("OK") : turns.poll();
  }

  public static Turn turn() {
    return new Turn();
  }

  /** A scripted turn: steps of events, each after an optional delay, then an end of some kind. */
  public static final class Turn {

    private final List<Step> steps = new ArrayList<>();
    private RuntimeException failure;
    private boolean endless;

    /**
     * An assistant message streamed as these deltas (content_part added, deltas, done), then done.
     */
    public Turn text(String... deltas) {
      return text(Duration.ZERO, deltas);
    }

    /** As {@link #text(String...)}, waiting {@code delay} before each delta. */
    public Turn text(Duration delay, String... deltas) {
      ItemId id = ItemId.generate(ItemType.ASSISTANT_MESSAGE);
      startText(id);
      for (String delta : deltas) {
        steps.add(
            new Step(
                delay,
                thread ->
                    List.of(
                        new ThreadEvent.ItemUpdated(
                            id,
                            "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":"
                                + quote(delta)
                                + "}"))));
      }
      String full = String.join("", deltas);
      String part = "{\"annotations\":[],\"text\":" + quote(full) + ",\"type\":\"output_text\"}";
      steps.add(
          new Step(
              Duration.ZERO,
              thread ->
                  List.of(
                      new ThreadEvent.ItemUpdated(
                          id,
                          "{\"type\":\"assistant_message.content_part.done\",\"content_index\":0,"
                              + "\"content\":"
                              + part
                              + "}"),
                      new ThreadEvent.ItemDone(
                          item(
                              id,
                              thread,
                              ItemType.ASSISTANT_MESSAGE,
                              "{\"content\":[" + part + "]}")))));
      return this;
    }

    /**
     * An assistant message that receives these deltas and then the turn never ends (until
     * cancelled).
     */
    public Turn textThenHang(String... deltas) {
      return partialText(deltas).hang();
    }

    /**
     * An assistant message that receives these deltas and is never done: follow with a failure or a
     * hang.
     */
    public Turn partialText(String... deltas) {
      ItemId id = ItemId.generate(ItemType.ASSISTANT_MESSAGE);
      startText(id);
      for (String delta : deltas) {
        steps.add(
            new Step(
                Duration.ZERO,
                thread ->
                    List.of(
                        new ThreadEvent.ItemUpdated(
                            id,
                            "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":"
                                + quote(delta)
                                + "}"))));
      }
      return this;
    }

    /** A finished widget item. */
    public Turn widget(String widgetJson, String copyText) {
      return done(
          ItemType.WIDGET, "{\"widget\":" + widgetJson + ",\"copy_text\":" + quote(copyText) + "}");
    }

    /** A pending client tool call, which ends the turn until the browser sends its output. */
    public Turn clientToolCall(String name, String argumentsJson) {
      return done(
          ItemType.CLIENT_TOOL_CALL,
          "{\"status\":\"pending\",\"call_id\":\"call_1\",\"name\":"
              + quote(name)
              + ",\"arguments\":"
              + argumentsJson
              + "}");
    }

    /** A pending structured input with these inputs (a JSON array). */
    public Turn structuredInput(String inputsJson) {
      return done(
          ItemType.STRUCTURED_INPUT, "{\"status\":\"pending\",\"inputs\":" + inputsJson + "}");
    }

    /** A hidden context item (stored, never shown). */
    public Turn hiddenContext(String content) {
      return done(ItemType.HIDDEN_CONTEXT, "{\"content\":" + quote(content) + "}");
    }

    /** A workflow streamed task by task (each a JSON task object), then done. */
    public Turn workflow(String... tasks) {
      ItemId id = ItemId.generate(ItemType.WORKFLOW);
      steps.add(
          new Step(
              Duration.ZERO,
              thread ->
                  List.of(
                      new ThreadEvent.ItemAdded(
                          item(
                              id,
                              thread,
                              ItemType.WORKFLOW,
                              "{\"workflow\":{\"type\":\"custom\",\"tasks\":[],\"expanded\":false}}")))));
      for (int i = 0; i < tasks.length; i++) {
        String update =
            "{\"type\":\"workflow.task.added\",\"task_index\":" + i + ",\"task\":" + tasks[i] + "}";
        steps.add(
            new Step(Duration.ZERO, thread -> List.of(new ThreadEvent.ItemUpdated(id, update))));
      }
      String done =
          "{\"workflow\":{\"type\":\"custom\",\"tasks\":["
              + String.join(",", tasks)
              + "],\"expanded\":false}}";
      steps.add(
          new Step(
              Duration.ZERO,
              thread ->
                  List.of(new ThreadEvent.ItemDone(item(id, thread, ItemType.WORKFLOW, done)))));
      return this;
    }

    public Turn title(String title) {
      return event(new ThreadEvent.TitleChanged(title));
    }

    public Turn progress(String icon, String text) {
      return event(new ThreadEvent.ProgressUpdate(icon, text));
    }

    /** Any event, emitted as is. */
    public Turn event(ThreadEvent event) {
      steps.add(new Step(Duration.ZERO, thread -> List.of(event)));
      return this;
    }

    /** Events built from the thread id, for items the other helpers do not cover. */
    public Turn events(Function<ThreadId, List<ThreadEvent>> events) {
      steps.add(new Step(Duration.ZERO, events));
      return this;
    }

    /** After the steps so far, the responder fails with {@code error}. */
    public Turn fail(RuntimeException error) {
      this.failure = error;
      return this;
    }

    /** After the steps so far, the turn never ends: only cancelling stops it. */
    public Turn hang() {
      this.endless = true;
      return this;
    }

    private Turn done(ItemType type, String payload) {
      ItemId id = ItemId.generate(type);
      steps.add(
          new Step(
              Duration.ZERO,
              thread -> List.of(new ThreadEvent.ItemDone(item(id, thread, type, payload)))));
      return this;
    }

    private void startText(ItemId id) {
      steps.add(
          new Step(
              Duration.ZERO,
              thread ->
                  List.of(
                      new ThreadEvent.ItemAdded(
                          item(id, thread, ItemType.ASSISTANT_MESSAGE, "{\"content\":[]}")),
                      new ThreadEvent.ItemUpdated(
                          id,
                          "{\"type\":\"assistant_message.content_part.added\",\"content_index\":0,"
                              + "\"content\":{\"annotations\":[],\"text\":\"\",\"type\":\"output_text\"}}"))));
    }

    Multi<ThreadEvent> play(ThreadId thread, AtomicInteger cancellations) {
      List<Multi<ThreadEvent>> parts = new ArrayList<>();
      for (Step step : steps) {
        Uni<List<ThreadEvent>> events = Uni.createFrom().item(() -> step.events().apply(thread));
        if (!step.delay().isZero()) {
          events = events.onItem().delayIt().by(step.delay());
        }
        parts.add(events.toMulti().onItem().transformToIterable(list -> list));
      }
      if (failure != null) {
        parts.add(Multi.createFrom().failure(failure));
      }
      if (endless) {
        parts.add(Multi.createFrom().nothing());
      }
      return Multi.createBy()
          .concatenating()
          .streams(parts)
          .onCancellation()
          .invoke(cancellations::incrementAndGet);
    }

    private static ThreadItem item(ItemId id, ThreadId thread, ItemType type, String payload) {
      return new ThreadItem(id, thread, type, CREATED, payload);
    }

    private static String quote(String text) {
      return dev.tasktalk.application.json.Json.quote(text);
    }

    private record Step(Duration delay, Function<ThreadId, List<ThreadEvent>> events) {}
  }
}
