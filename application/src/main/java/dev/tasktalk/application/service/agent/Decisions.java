package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.service.agent.ToolLog.Result;
import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The user's click on a confirmation card: it decides the approval once (a second click finds it
 * decided), runs the tool on Confirm, and yields the settled card and the late result for the
 * model.
 */
final class Decisions {

  private final Toolbox toolbox;
  private final ApprovalRepository approvals;
  private final Clock clock;

  Decisions(Toolbox toolbox, ApprovalRepository approvals, Clock clock) {
    this.toolbox = toolbox;
    this.approvals = approvals;
    this.clock = clock;
  }

  /** What a click led to. */
  sealed interface Decision {}

  /** Decided now: the settled card and the hidden record of the call's late result. */
  record Decided(Approval approval, ThreadItem card, ThreadItem result) implements Decision {

    /** What the turn emits first: the card replaced, the result stored. */
    List<ThreadEvent> events() {
      return List.of(new ThreadEvent.ItemReplaced(card), new ThreadEvent.ItemDone(result));
    }
  }

  /** Decided before (or expired): only a notice. */
  record Stale(ThreadEvent.Notice notice) implements Decision {}

  /**
   * @throws ApprovalNotFoundException when the payload names no pending or past approval of this
   *     thread
   */
  Decision decide(ActionInput input, TurnItems items, Meter meter) {
    boolean confirm =
        switch (input.type()) {
          case ConfirmationWidget.CONFIRM -> true;
          case ConfirmationWidget.CANCEL -> false;
          default ->
              throw new InvalidInputException("action.type", "unknown action " + input.type());
        };
    String approvalId = approvalId(input.payload());
    Approval approval =
        approvals
            .find(input.owner(), approvalId)
            .filter(found -> found.threadId().equals(input.thread().id()))
            .orElseThrow(() -> new ApprovalNotFoundException(approvalId));
    ApprovalStatus decision = confirm ? ApprovalStatus.CONFIRMED : ApprovalStatus.CANCELLED;
    if (!approval.pending()
        || !approvals.decide(input.owner(), approvalId, decision, clock.instant())) {
      return new Stale(stale(approvals.find(input.owner(), approvalId).orElse(approval)));
    }
    Optional<ThreadItem> sender =
        input.sender().filter(item -> item.id().equals(approval.widgetItemId()));
    String result;
    String shown;
    if (confirm) {
      ToolOutcome outcome =
          toolbox.call(
              new ToolContext(input.owner(), ToolContext.AGENT, approval.threadId(), null),
              approval.toolName(),
              approval.arguments());
      meter.toolCalled();
      result = outcome.content();
      shown = outcome.title();
    } else {
      result = cancelled(action(approval.toolName()));
      shown = ConfirmationWidget.outcome("Cancelled", sender.flatMap(ConfirmationWidget::question));
    }
    ThreadItem widget =
        sender
            .orElseGet(
                () ->
                    new ThreadItem(
                        approval.widgetItemId(),
                        approval.threadId(),
                        ItemType.WIDGET,
                        approval.createdAt(),
                        "{}"))
            .withPayload(ConfirmationWidget.settled(shown));
    ThreadItem record =
        items.create(
            ItemType.HIDDEN_CONTEXT,
            ToolLog.result(new Result(approval.toolCallId(), approval.toolName(), result)));
    return new Decided(approval, widget, record);
  }

  /**
   * What the model learns of a cancelled call, naming its action: "The user cancelled “delete
   * task”. …".
   */
  static String cancelled(String action) {
    return Json.write(
        Json.object()
            .put("cancelled", true)
            .put("message", "The user cancelled “" + action + "”. Nothing was done."));
  }

  // The tool's own words for what it does; its name in words when the tool is gone (a server went
  // away).
  private String action(String toolName) {
    return toolbox.specs().stream()
        .filter(spec -> spec.name().equals(toolName))
        .findFirst()
        .map(ToolSpec::action)
        .orElseGet(() -> ToolRound.humanized(toolName).toLowerCase(Locale.ROOT));
  }

  private static String approvalId(String payload) {
    JsonValue node = Json.parse(payload);
    String id = node.isObject() ? node.path("approval_id").stringValue() : null;
    if (id == null || id.isBlank()) {
      throw new ApprovalNotFoundException("(none)");
    }
    return id;
  }

  private static ThreadEvent.Notice stale(Approval approval) {
    String message =
        approval.status() == ApprovalStatus.SUPERSEDED
            ? "This confirmation expired because the conversation moved on. Ask again if you still"
                + " want it."
            : "This was already "
                + (approval.status() == ApprovalStatus.CANCELLED ? "cancelled." : "confirmed.");
    return new ThreadEvent.Notice("info", message, null);
  }
}
