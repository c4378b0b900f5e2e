package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import dev.tasktalk.application.port.out.llm.ToolCall;
import io.smallrye.mutiny.Multi;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LanguageModel} that plays canned replies in order, one per call, and records the
 * requests it got. Title requests (no tools, the title instructions) are answered apart, with
 * {@link #titleReply} unless a title failure is set, so scripts only hold the turn's own calls.
 * Cancelled streams are counted.
 */
final class ScriptedModel implements LanguageModel {

  private final Deque<Multi<ModelEvent>> replies = new ArrayDeque<>();
  private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
  private final List<ModelRequest> titleRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger cancellations = new AtomicInteger();
  private String titleReply = "Shopping list";
  private RuntimeException titleFailure;

  /**
   * The next reply: these events, then {@code Finished} with 10 input and 5 output tokens unless
   * given.
   */
  synchronized ScriptedModel reply(ModelEvent... events) {
    List<ModelEvent> all = new ArrayList<>(Arrays.asList(events));
    if (all.isEmpty() || !(all.get(all.size() - 1) instanceof ModelEvent.Finished)) {
      boolean calls = all.stream().anyMatch(ModelEvent.ToolCallRequested.class::isInstance);
      all.add(new ModelEvent.Finished(calls ? "tool_calls" : "stop", 10L, 5L));
    }
    replies.add(Multi.createFrom().iterable(all));
    return this;
  }

  /** The next reply: these events, then a failure. */
  synchronized ScriptedModel failAfter(RuntimeException failure, ModelEvent... events) {
    replies.add(
        Multi.createBy()
            .concatenating()
            .streams(Multi.createFrom().items(events), Multi.createFrom().failure(failure)));
    return this;
  }

  /** The next reply: these events, then nothing more until the subscriber cancels. */
  synchronized ScriptedModel hangAfter(ModelEvent... events) {
    replies.add(
        Multi.createBy()
            .concatenating()
            .streams(Multi.createFrom().items(events), Multi.createFrom().nothing()));
    return this;
  }

  ScriptedModel titles(String reply) {
    this.titleReply = reply;
    return this;
  }

  ScriptedModel titlesFail(RuntimeException failure) {
    this.titleFailure = failure;
    return this;
  }

  @Override
  public Multi<ModelEvent> stream(ModelRequest request) {
    if (isTitle(request)) {
      titleRequests.add(request);
      return titleFailure != null
          ? Multi.createFrom().failure(titleFailure)
          : Multi.createFrom()
              .items(new ModelEvent.TextDelta(titleReply), new ModelEvent.Finished("stop", 3L, 2L));
    }
    requests.add(request);
    Multi<ModelEvent> reply;
    synchronized (this) {
      reply = replies.poll();
    }
    if (reply == null) {
      return Multi.createFrom()
          .failure(new AssertionError("no reply scripted for model call " + requests.size()));
    }
    return reply.onCancellation().invoke(cancellations::incrementAndGet);
  }

  @Override
  public String modelName() {
    return "scripted-model";
  }

  List<ModelRequest> requests() {
    return List.copyOf(requests);
  }

  ModelRequest lastRequest() {
    return requests.get(requests.size() - 1);
  }

  List<ModelRequest> titleRequests() {
    return List.copyOf(titleRequests);
  }

  int cancellations() {
    return cancellations.get();
  }

  synchronized int unplayed() {
    return replies.size();
  }

  static ModelEvent text(String text) {
    return new ModelEvent.TextDelta(text);
  }

  static ModelEvent call(String id, String name, String arguments) {
    return new ModelEvent.ToolCallRequested(new ToolCall(id, name, arguments));
  }

  private static boolean isTitle(ModelRequest request) {
    return request.tools().isEmpty()
        && !request.messages().isEmpty()
        && request.messages().get(0) instanceof ModelMessage.System system
        && system.text().equals(Titler.INSTRUCTIONS);
  }
}
