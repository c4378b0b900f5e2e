package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.port.out.turn.TurnInput;
import dev.tasktalk.application.service.agent.Decisions.Decided;
import dev.tasktalk.application.service.agent.Decisions.Decision;
import dev.tasktalk.application.service.agent.Decisions.Stale;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The assistant behind the ChatKit server: it answers a thread with a model that manages the user's
 * tasks through the {@link Toolbox}, asks before destructive calls (the card's click comes back as
 * an action), hands Urdu conversations to a specialist agent and names new threads. What each turn
 * cost goes to the metrics consumer when the turn ends.
 */
public final class AgentResponder implements Responder {

  /** How many stored items an action continuing after a confirmation reads back. */
  static final int ACTION_HISTORY_ITEMS = 200;

  private static final System.Logger LOG = System.getLogger(AgentResponder.class.getName());

  private final Engine engine;
  private final ThreadItemRepository items;
  private final Decisions decisions;
  private final Consumer<TurnMetrics> metrics;

  public AgentResponder(
      LanguageModel model,
      Toolbox toolbox,
      ApprovalRepository approvals,
      ThreadItemRepository items,
      Clock clock,
      AgentSettings settings) {
    this(model, toolbox, approvals, items, clock, settings, turn -> {});
  }

  /**
   * @param metrics receives each turn's usage when it ends (the app records it on the thread's run)
   * @throws IllegalArgumentException when an agent names a tool the toolbox does not have
   */
  public AgentResponder(
      LanguageModel model,
      Toolbox toolbox,
      ApprovalRepository approvals,
      ThreadItemRepository items,
      Clock clock,
      AgentSettings settings,
      Consumer<TurnMetrics> metrics) {
    this.engine =
        new Engine(
            Objects.requireNonNull(model, "model"),
            Objects.requireNonNull(toolbox, "toolbox"),
            Objects.requireNonNull(approvals, "approvals"),
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(settings, "settings"));
    this.items = Objects.requireNonNull(items, "items");
    this.decisions = new Decisions(toolbox, approvals, clock);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    Map<String, ToolSpec> specs = specs();
    settings
        .agents()
        .forEach(
            agent ->
                agent
                    .toolNames()
                    .forEach(
                        name -> {
                          if (!specs.containsKey(name)) {
                            throw new IllegalArgumentException(
                                "agent " + agent.name() + " names the unknown tool " + name);
                          }
                        }));
  }

  @Override
  public Multi<ThreadEvent> respond(TurnInput input) {
    return metered(
        input.owner(),
        input.thread(),
        meter -> {
          List<ThreadItem> history = withMessage(input.history(), input.userMessage());
          List<ThreadEvent> lead = new ArrayList<>();
          if (input.userMessage().isPresent()) {
            lead.addAll(Supersession.supersede(engine, input.owner(), input.thread(), history));
          }
          AgentProfile orchestrator = engine.settings().orchestrator();
          TurnState state =
              state(
                  input.owner(),
                  input.thread(),
                  new TurnItems(input.thread().id(), engine.clock()),
                  history,
                  meter,
                  orchestrator);
          lastUserText(history)
              .filter(Scripts::mostlyUrdu)
              .flatMap(
                  text ->
                      orchestrator.handoffs().stream()
                          .filter(AgentSettings.URDU_SPECIALIST::equals)
                          .findFirst())
              .flatMap(engine.settings()::agent)
              .ifPresent(specialist -> lead.addAll(state.handOff(specialist)));
          return new AgentTurn(engine, state).run(lead);
        });
  }

  @Override
  public Multi<ThreadEvent> action(ActionInput input) {
    return metered(
        input.owner(),
        input.thread(),
        meter -> {
          TurnItems turnItems = new TurnItems(input.thread().id(), engine.clock());
          Decision decision = decisions.decide(input, turnItems, meter);
          if (decision instanceof Stale stale) {
            return Multi.createFrom().item(stale.notice());
          }
          Decided decided = (Decided) decision;
          List<ThreadItem> history =
              new ArrayList<>(
                  items.latest(input.owner(), input.thread().id(), ACTION_HISTORY_ITEMS));
          history.add(decided.result());
          // The agent that asked for the confirmation continues the conversation.
          AgentProfile agent = callerOf(history, decided.approval().toolCallId());
          return new AgentTurn(
                  engine, state(input.owner(), input.thread(), turnItems, history, meter, agent))
              .run(decided.events());
        });
  }

  @Override
  public Optional<ThreadItem> syncAction(ActionInput input) {
    return Optional.empty();
  }

  private TurnState state(
      UserId owner,
      ChatThread thread,
      TurnItems turnItems,
      List<ThreadItem> history,
      Meter meter,
      AgentProfile agent) {
    return new TurnState(
        owner,
        thread,
        turnItems,
        meter,
        ModelHistory.of(history, engine.settings().historyBudget()),
        specs(),
        firstUserText(history),
        engine.settings().orchestrator(),
        agent);
  }

  /** Runs {@code turn} on subscription and hands its usage out when it ends, however it ends. */
  private Multi<ThreadEvent> metered(
      UserId owner, ChatThread thread, Function<Meter, Multi<ThreadEvent>> turn) {
    return Multi.createFrom()
        .deferred(
            () -> {
              Meter meter = new Meter(engine.clock());
              return turn.apply(meter)
                  .onTermination()
                  .invoke(
                      () -> publish(meter.metrics(owner, thread.id(), engine.model().modelName())));
            });
  }

  private void publish(TurnMetrics turn) {
    try {
      metrics.accept(turn);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "could not record the usage of a turn in thread " + turn.threadId(), e);
    }
  }

  /**
   * The agent that made the call {@code callId}, from the round that recorded it; the orchestrator
   * otherwise.
   */
  private AgentProfile callerOf(List<ThreadItem> history, String callId) {
    return history.stream()
        .map(ToolLog::read)
        .flatMap(Optional::stream)
        .filter(ToolLog.Round.class::isInstance)
        .map(ToolLog.Round.class::cast)
        .filter(round -> round.calls().stream().anyMatch(call -> call.id().equals(callId)))
        .reduce((first, second) -> second)
        .flatMap(
            round ->
                round.agent() == null ? Optional.empty() : engine.settings().agent(round.agent()))
        .orElse(engine.settings().orchestrator());
  }

  private Map<String, ToolSpec> specs() {
    return engine.toolbox().specs().stream()
        .collect(Collectors.toMap(ToolSpec::name, spec -> spec, (first, second) -> first));
  }

  private static List<ThreadItem> withMessage(
      List<ThreadItem> history, Optional<ThreadItem> message) {
    if (message.isEmpty()
        || history.stream().anyMatch(item -> item.id().equals(message.get().id()))) {
      return history;
    }
    List<ThreadItem> all = new ArrayList<>(history);
    all.add(message.get());
    return all;
  }

  private static String firstUserText(List<ThreadItem> history) {
    return history.stream()
        .filter(item -> item.type() == ItemType.USER_MESSAGE)
        .findFirst()
        .map(MessageText::user)
        .orElse(null);
  }

  private static Optional<String> lastUserText(List<ThreadItem> history) {
    return history.stream()
        .filter(item -> item.type() == ItemType.USER_MESSAGE)
        .reduce((first, second) -> second)
        .map(MessageText::user);
  }
}
