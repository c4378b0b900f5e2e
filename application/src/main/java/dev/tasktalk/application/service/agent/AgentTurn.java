package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import dev.tasktalk.application.port.out.llm.ToolDefinition;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.thread.ChatThread;
import io.smallrye.mutiny.Multi;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One turn of the assistant: model, then tools, then model again, until it answers, asks for a
 * confirmation or runs out of steps; then a title if the thread has none. Each stage is subscribed
 * only when the previous one has finished, so cancelling the turn cancels the model call in flight
 * and starts no further tool call.
 */
final class AgentTurn {

  static final String EMPTY_SCHEMA =
      "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

  private final Engine engine;
  private final TurnState state;
  private final Titler titler;
  private int steps;
  private String answer;

  AgentTurn(Engine engine, TurnState state) {
    this.engine = engine;
    this.state = state;
    this.titler = new Titler(engine.model());
  }

  /** The turn's events after {@code lead} (events emitted first, in order). */
  Multi<ThreadEvent> run(List<ThreadEvent> lead) {
    return concat(Multi.createFrom().iterable(lead), loop(), later(this::title));
  }

  Multi<ThreadEvent> loop() {
    return later(
        () -> {
          if (steps >= engine.settings().maxSteps()) {
            return Multi.createFrom().iterable(stepLimit());
          }
          steps++;
          state.meter().modelCalled();
          ModelStep step = new ModelStep(state.items());
          ToolRound round = new ToolRound(engine, state, this);
          Multi<ThreadEvent> streamed =
              engine.model().stream(request())
                  .onFailure()
                  .transform(ModelFailures::translate)
                  .onItem()
                  .transformToIterable(event -> on(step, event));
          return concat(streamed, later(() -> after(step, round)));
        });
  }

  private List<ThreadEvent> on(ModelStep step, ModelEvent event) {
    if (event instanceof ModelEvent.TextDelta delta && !delta.text().isEmpty()) {
      state.meter().text();
      List<ThreadEvent> events = new ArrayList<>();
      if (!step.started()) {
        events.addAll(state.closeWorkflow());
        events.addAll(step.start());
      }
      events.add(step.text(delta.text()));
      return events;
    } else if (event instanceof ModelEvent.ReasoningDelta delta) {
      step.reasoning(delta.text());
    } else if (event instanceof ModelEvent.ToolCallRequested requested) {
      step.call(requested.call());
    } else if (event instanceof ModelEvent.Finished finished) {
      state.meter().finished(finished);
    }
    return List.of();
  }

  private Multi<ThreadEvent> after(ModelStep step, ToolRound round) {
    List<ThreadEvent> events = new ArrayList<>(step.finish());
    if (step.calls().isEmpty()) {
      answer = step.text();
      events.addAll(state.closeWorkflow());
      return Multi.createFrom().iterable(events);
    }
    state
        .conversation()
        .add(new ModelMessage.Assistant(step.text(), step.calls(), step.reasoningText()));
    return concat(Multi.createFrom().iterable(events), round.run(step));
  }

  private List<ThreadEvent> stepLimit() {
    List<ThreadEvent> events = new ArrayList<>(state.closeWorkflow());
    String text =
        "I stopped after "
            + engine.settings().maxSteps()
            + " steps without finishing. "
            + "Tell me to continue, or ask for a smaller change.";
    events.add(
        new ThreadEvent.ItemDone(
            state.items().create(ItemType.ASSISTANT_MESSAGE, ItemJson.assistantMessage(text))));
    return events;
  }

  private Multi<ThreadEvent> title() {
    ChatThread thread = state.thread();
    if (thread.title().isPresent() || answer == null || answer.isBlank()) {
      return Multi.createFrom().empty();
    }
    return titler.title(
        state.firstUserText() == null ? "" : state.firstUserText(), answer, state.meter());
  }

  private ModelRequest request() {
    List<ModelMessage> messages = new ArrayList<>();
    messages.add(new ModelMessage.System(instructions(state.agent())));
    messages.addAll(state.conversation());
    return new ModelRequest(messages, tools(state.agent()));
  }

  private String instructions(AgentProfile agent) {
    LocalDate today = LocalDate.now(engine.clock());
    return agent.instructions().strip()
        + "\n\nAnswer in the user's language.\nToday is "
        + today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + ", "
        + today
        + ".";
  }

  private List<ToolDefinition> tools(AgentProfile agent) {
    Map<String, ToolSpec> specs = state.specs();
    List<ToolDefinition> tools = new ArrayList<>();
    agent.toolNames().stream()
        .map(specs::get)
        .filter(spec -> spec != null)
        .forEach(
            spec ->
                tools.add(new ToolDefinition(spec.name(), spec.description(), spec.inputSchema())));
    agent
        .handoffs()
        .forEach(
            target ->
                tools.add(
                    new ToolDefinition(
                        AgentProfile.handoffTool(target),
                        "Transfer the conversation to the "
                            + target
                            + ", who takes over from here.",
                        EMPTY_SCHEMA)));
    return tools;
  }

  static Multi<ThreadEvent> later(Supplier<Multi<ThreadEvent>> next) {
    return Multi.createFrom().deferred(next::get);
  }

  @SafeVarargs
  static Multi<ThreadEvent> concat(Multi<ThreadEvent>... parts) {
    return Multi.createBy().concatenating().streams(parts);
  }
}
