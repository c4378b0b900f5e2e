package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.service.agent.ToolLog.LoggedCall;
import dev.tasktalk.application.service.agent.ToolLog.Round;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.Ids;
import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tool calls of one model response. Each runs as its own stage, shown as a workflow task
 * (loading, then the outcome's title); a handoff switches the agent. A destructive call never runs
 * here: the first one is put to the user as a confirmation card, which ends the turn. Afterwards
 * the round is stored as a hidden record and the model is called again.
 */
final class ToolRound {

  static final String ONE_AT_A_TIME =
      "{\"error\":\"Only one change that needs the user's confirmation can wait "
          + "at a time. Ask for this one again after the user has decided on the first.\"}";
  static final String ERROR_ICON = "info";

  private final Engine engine;
  private final TurnState state;
  private final AgentTurn turn;

  ToolRound(Engine engine, TurnState state, AgentTurn turn) {
    this.engine = engine;
    this.state = state;
    this.turn = turn;
  }

  Multi<ThreadEvent> run(ModelStep step) {
    AgentProfile caller = state.agent();
    Map<String, String> results = new HashMap<>();
    List<ToolCall> asking =
        step.calls().stream().filter(call -> needsConfirmation(caller, call.name())).toList();
    List<Multi<ThreadEvent>> stages = new ArrayList<>();
    for (ToolCall call : step.calls()) {
      if (!asking.contains(call)) {
        stages.add(AgentTurn.later(() -> call(caller, call, results)));
      }
    }
    asking.stream().skip(1).forEach(extra -> results.put(extra.id(), ONE_AT_A_TIME));
    stages.add(
        AgentTurn.later(
            () ->
                asking.isEmpty()
                    ? finish(caller, step, results)
                    : ask(caller, step, asking.get(0), results)));
    return Multi.createBy().concatenating().streams(stages);
  }

  private Multi<ThreadEvent> call(AgentProfile caller, ToolCall call, Map<String, String> results) {
    Optional<AgentProfile> target = handoffTarget(caller, call.name());
    if (target.isPresent()) {
      results.put(call.id(), Json.write(Json.object().put("assistant", target.get().name())));
      return Multi.createFrom().iterable(state.handOff(target.get()));
    }
    Workflow workflow = state.workflow();
    List<ThreadEvent> added =
        workflow.add(
            ItemJson.task(
                humanized(call.name()) + "…", "loading", null, call.name(), call.arguments()),
            true);
    int index = workflow.lastIndex();
    return AgentTurn.concat(
        Multi.createFrom().iterable(added),
        AgentTurn.later(
            () -> {
              ToolOutcome outcome =
                  caller.toolNames().contains(call.name())
                      ? engine.toolbox().call(state.toolContext(), call.name(), call.arguments())
                      : new ToolOutcome(
                          true,
                          Json.write(Json.object().put("error", "there is no tool " + call.name())),
                          "Couldn't run "
                              + humanized(call.name()).toLowerCase(java.util.Locale.ROOT));
              state.meter().toolCalled();
              results.put(call.id(), outcome.content());
              return Multi.createFrom().item(workflow.update(index, doneTask(call, outcome)));
            }));
  }

  private Multi<ThreadEvent> finish(
      AgentProfile caller, ModelStep step, Map<String, String> results) {
    ThreadItem record =
        state
            .items()
            .create(
                ItemType.HIDDEN_CONTEXT,
                ToolLog.round(
                    new Round(
                        caller.name(),
                        step.text(),
                        step.reasoningText(),
                        step.messageId(),
                        logged(step, results, null, null))));
    step.calls()
        .forEach(
            call ->
                state
                    .conversation()
                    .add(
                        new ModelMessage.ToolResult(
                            call.id(), call.name(), results.get(call.id()))));
    return AgentTurn.concat(Multi.createFrom().item(new ThreadEvent.ItemDone(record)), turn.loop());
  }

  /**
   * Asks the user about {@code call}; a call that cannot run goes back to the model as a failed
   * call.
   */
  private Multi<ThreadEvent> ask(
      AgentProfile caller, ModelStep step, ToolCall call, Map<String, String> results) {
    ToolOutcome question =
        engine.toolbox().describe(state.toolContext(), call.name(), call.arguments());
    if (question.error()) {
      results.put(call.id(), question.content());
      List<ThreadEvent> shown = state.workflow().add(doneTask(call, question), true);
      return AgentTurn.concat(Multi.createFrom().iterable(shown), finish(caller, step, results));
    }
    String text = question.title().isBlank() ? humanized(call.name()) + "?" : question.title();
    String approvalId = Ids.generate("apr");
    List<ThreadEvent> events = new ArrayList<>(state.closeWorkflow());
    ThreadItem record =
        state
            .items()
            .create(
                ItemType.HIDDEN_CONTEXT,
                ToolLog.round(
                    new Round(
                        caller.name(),
                        step.text(),
                        step.reasoningText(),
                        step.messageId(),
                        logged(step, results, call.id(), approvalId))));
    ThreadItem widget =
        state.items().create(ItemType.WIDGET, ConfirmationWidget.asking(approvalId, text));
    engine
        .approvals()
        .add(
            new Approval(
                approvalId,
                state.owner(),
                state.thread().id(),
                widget.id(),
                call.id(),
                call.name(),
                call.arguments(),
                ApprovalStatus.PENDING,
                engine.clock().instant(),
                null));
    events.add(new ThreadEvent.ItemDone(record));
    events.add(new ThreadEvent.ItemDone(widget));
    events.add(new ThreadEvent.ItemDone(state.items().create(ItemType.END_OF_TURN, "{}")));
    return Multi.createFrom().iterable(events);
  }

  private boolean needsConfirmation(AgentProfile caller, String name) {
    ToolSpec spec = state.specs().get(name);
    return spec != null && spec.destructive() && caller.toolNames().contains(name);
  }

  private Optional<AgentProfile> handoffTarget(AgentProfile caller, String name) {
    return caller.handoffs().stream()
        .filter(target -> AgentProfile.handoffTool(target).equals(name))
        .findFirst()
        .flatMap(engine.settings()::agent);
  }

  private static List<LoggedCall> logged(
      ModelStep step, Map<String, String> results, String pendingId, String approvalId) {
    return step.calls().stream()
        .map(
            call ->
                call.id().equals(pendingId)
                    ? new LoggedCall(
                        call.id(),
                        call.name(),
                        call.arguments(),
                        null,
                        approvalId,
                        call.providerId(),
                        call.providerData())
                    : new LoggedCall(
                        call.id(),
                        call.name(),
                        call.arguments(),
                        results.get(call.id()),
                        null,
                        call.providerId(),
                        call.providerData()))
        .toList();
  }

  /** The finished task: the outcome's title for people, marked when the call failed. */
  private static JsonObject doneTask(ToolCall call, ToolOutcome outcome) {
    String title =
        outcome.title().isBlank()
            ? (outcome.error() ? "Couldn't run " : "Ran ")
                + humanized(call.name()).toLowerCase(java.util.Locale.ROOT)
            : outcome.title();
    return ItemJson.task(
        title, "complete", outcome.error() ? ERROR_ICON : null, call.name(), call.arguments());
  }

  /** "add_task" as "Add task". */
  static String humanized(String name) {
    String words = name.replace('_', ' ').strip();
    return words.isEmpty() ? "Tool" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
