package dev.tasktalk.application.service.agent;

import static dev.tasktalk.application.service.agent.AgentFixture.ALICE;
import static dev.tasktalk.application.service.agent.AgentFixture.BOB;
import static dev.tasktalk.application.service.agent.AgentFixture.json;
import static dev.tasktalk.application.service.agent.ScriptedModel.call;
import static dev.tasktalk.application.service.agent.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AgentResponderConfirmationTest {

  private static final String T1 = "{\"id\":\"t1\"}";
  private static final String DELETED = "{\"deleted\":{\"id\":\"t1\",\"title\":\"Buy milk\"}}";

  private final AgentFixture chat = new AgentFixture();

  private ThreadItem askedToDelete() {
    chat.model.reply(call("call_9", "delete_task", T1));
    chat.say("Delete buy milk");
    return chat.lastStored(ItemType.WIDGET);
  }

  @Test
  void givenADestructiveCall_respond_showsAConfirmationCardAndEndsTheTurn_withoutRunningTheTool() {
    chat.model.reply(call("call_9", "delete_task", T1));

    List<ThreadEvent> events = chat.say("Delete buy milk");

    assertThat(Events.kinds(events))
        .containsExactly("done:hidden_context_item", "done:widget", "done:end_of_turn");
    assertThat(chat.toolbox.calls()).isEmpty();
    assertThat(chat.toolbox.descriptions())
        .extracting(FakeToolbox.Call::arguments)
        .containsExactly(T1);
    Approval approval = chat.approvals.all().get(0);
    ThreadItem card = Events.done(events, ItemType.WIDGET).get(0);
    assertThat(approval.id()).matches("apr_[0-9a-f]{16}");
    assertThat(approval)
        .extracting(
            Approval::owner,
            Approval::threadId,
            Approval::widgetItemId,
            Approval::toolCallId,
            Approval::toolName,
            Approval::arguments,
            Approval::status)
        .containsExactly(
            ALICE,
            chat.thread.id(),
            card.id(),
            "call_9",
            "delete_task",
            T1,
            ApprovalStatus.PENDING);
    String payload = "\"payload\":{\"approval_id\":\"" + approval.id() + "\"}";
    assertThat(json(card.payload()))
        .isEqualTo(
            json(
                "{\"widget\":{\"type\":\"Card\",\"children\":[{\"type\":\"Text\",\"value\":\"Delete"
                    + " task ‘Buy milk’?\"}],"
                    + "\"confirm\":{\"label\":\"Confirm\",\"action\":{\"type\":\"approval.confirm\","
                    + payload
                    + "}},"
                    + "\"cancel\":{\"label\":\"Cancel\",\"action\":{\"type\":\"approval.cancel\","
                    + payload
                    + "}}},"
                    + "\"copy_text\":\"Delete task ‘Buy milk’?\"}"));
    assertThat(
            Events.payload(chat.lastStored(ItemType.HIDDEN_CONTEXT)).path("content").path("calls"))
        .isEqualTo(
            json(
                "[{\"id\":\"call_9\",\"name\":\"delete_task\",\"arguments\":\"{\\\"id\\\":\\\"t1\\\"}\","
                    + "\"approval_id\":\""
                    + approval.id()
                    + "\"}]"));
    assertThat(chat.model.requests()).hasSize(1);
    assertThat(chat.model.titleRequests()).isEmpty();
  }

  @Test
  void givenOtherCallsBeforeIt_theirWorkflowIsDoneBeforeTheCard() {
    chat.model.reply(call("call_1", "list_tasks", "{}"), call("call_9", "delete_task", T1));

    List<ThreadEvent> events = chat.say("Delete buy milk");

    assertThat(Events.kinds(events))
        .containsExactly(
            "added:workflow",
            "update:workflow.task.added",
            "update:workflow.task.updated",
            "done:workflow",
            "done:hidden_context_item",
            "done:widget",
            "done:end_of_turn");
    assertThat(chat.toolbox.calls())
        .extracting(FakeToolbox.Call::name)
        .containsExactly("list_tasks");
  }

  @Test
  void
      givenAConfirmedCard_action_runsTheToolOnce_settlesTheCard_andTheModelContinuesWithTheResult() {
    ThreadItem card = askedToDelete();
    chat.toolbox.answer("delete_task", new ToolOutcome(false, DELETED, "Deleted task ‘Buy milk’"));
    chat.model.reply(text("Done — I deleted ‘Buy milk’."));

    List<ThreadEvent> events = chat.click("approval.confirm", card);

    assertThat(chat.toolbox.calls())
        .extracting(FakeToolbox.Call::name, FakeToolbox.Call::arguments)
        .containsExactly(tuple("delete_task", T1));
    assertThat(Events.kinds(events))
        .startsWith("replaced:widget", "done:hidden_context_item", "added:assistant_message")
        .contains("done:assistant_message", "title:Shopping list");
    ThreadItem settled = ((ThreadEvent.ItemReplaced) events.get(0)).item();
    assertThat(settled.id()).isEqualTo(card.id());
    assertThat(json(settled.payload()))
        .isEqualTo(
            json(
                "{\"widget\":{\"type\":\"Card\",\"children\":["
                    + "{\"type\":\"Text\",\"value\":\"Deleted task ‘Buy"
                    + " milk’\"}]},\"copy_text\":\"Deleted task ‘Buy milk’\"}"));
    assertThat(chat.model.lastRequest().messages().subList(1, 4))
        .containsExactly(
            new ModelMessage.User("Delete buy milk"),
            new ModelMessage.Assistant(
                "", List.of(new ToolCall("call_9", "delete_task", T1)), null),
            new ModelMessage.ToolResult("call_9", "delete_task", DELETED));
    assertThat(chat.approvals.all())
        .extracting(Approval::status)
        .containsExactly(ApprovalStatus.CONFIRMED);
  }

  @Test
  void givenAConfirmedDeletion_laterTurns_stillSeeTheResultUnderTheOriginalCallId() {
    ThreadItem card = askedToDelete();
    chat.toolbox.answer("delete_task", new ToolOutcome(false, DELETED, "Deleted task ‘Buy milk’"));
    chat.model.reply(text("Deleted.")).reply(text("Anything else?"));
    chat.click("approval.confirm", card);

    chat.say("Thanks");

    assertThat(chat.model.lastRequest().messages().subList(1, 6))
        .containsExactly(
            new ModelMessage.User("Delete buy milk"),
            new ModelMessage.Assistant(
                "", List.of(new ToolCall("call_9", "delete_task", T1)), null),
            new ModelMessage.ToolResult("call_9", "delete_task", DELETED),
            new ModelMessage.Assistant("Deleted.", List.of(), null),
            new ModelMessage.User("Thanks"));
  }

  @Test
  void givenACancelledCard_action_doesNotRunTheTool_andTellsTheModelTheUserCancelled() {
    ThreadItem card = askedToDelete();
    chat.model.reply(text("OK, I kept it."));

    List<ThreadEvent> events = chat.click("approval.cancel", card);

    assertThat(chat.toolbox.calls()).isEmpty();
    assertThat(json(((ThreadEvent.ItemReplaced) events.get(0)).item().payload()))
        .isEqualTo(
            json(
                "{\"widget\":{\"type\":\"Card\",\"children\":[{\"type\":\"Text\","
                    + "\"value\":\"Cancelled: Delete task ‘Buy milk’\"}]},"
                    + "\"copy_text\":\"Cancelled: Delete task ‘Buy milk’\"}"));
    assertThat(chat.model.lastRequest().messages())
        .contains(
            new ModelMessage.ToolResult(
                "call_9",
                "delete_task",
                "{\"cancelled\":true,\"message\":\"The user cancelled “delete task”. Nothing was"
                    + " done.\"}"));
    assertThat(chat.approvals.all())
        .extracting(Approval::status)
        .containsExactly(ApprovalStatus.CANCELLED);
  }

  @Test
  void givenAnotherDestructiveTool_respond_asksFirst_andACancelTellsTheModelItsAction() {
    chat.toolbox
        .with(
            new ToolSpec(
                "archive_all",
                "Archives every task.",
                "{\"type\":\"object\"}",
                null,
                false,
                true,
                false,
                "archive every task"))
        .describeAs(new ToolOutcome(false, "{}", "Archive all 3 tasks?"));
    AgentSettings defaults = AgentSettings.defaults();
    chat.settings =
        new AgentSettings(
            defaults.maxSteps(),
            defaults.historyBudget(),
            defaults.agents().stream()
                .map(
                    agent ->
                        new AgentProfile(
                            agent.name(),
                            agent.instructions(),
                            Stream.concat(agent.toolNames().stream(), Stream.of("archive_all"))
                                .toList(),
                            agent.handoffs()))
                .toList());
    chat.model.reply(call("call_7", "archive_all", "{}"));

    List<ThreadEvent> events = chat.say("Archive everything");

    assertThat(Events.kinds(events))
        .containsExactly("done:hidden_context_item", "done:widget", "done:end_of_turn");
    assertThat(chat.toolbox.calls()).isEmpty();
    ThreadItem card = chat.lastStored(ItemType.WIDGET);
    assertThat(chat.approvals.all()).extracting(Approval::toolName).containsExactly("archive_all");
    chat.model.reply(text("OK, I kept them."));

    chat.click("approval.cancel", card);

    assertThat(chat.toolbox.calls()).isEmpty();
    assertThat(chat.model.lastRequest().messages())
        .contains(
            new ModelMessage.ToolResult(
                "call_7",
                "archive_all",
                "{\"cancelled\":true,\"message\":\"The user cancelled “archive every task”. Nothing"
                    + " was done.\"}"));
  }

  @Test
  void givenAnAlreadyConfirmedCard_aSecondClick_isRefusedWithANotice_andRunsNothing() {
    ThreadItem card = askedToDelete();
    chat.model.reply(text("Deleted."));
    chat.click("approval.confirm", card);

    List<ThreadEvent> second = chat.click("approval.confirm", card);

    assertThat(second)
        .containsExactly(new ThreadEvent.Notice("info", "This was already confirmed.", null));
    assertThat(chat.toolbox.calls()).hasSize(1);
    assertThat(chat.model.requests()).hasSize(2);
  }

  @Test
  void givenAPendingCard_aNewMessage_supersedesIt_andTheModelReadsTheCallAsNotConfirmed() {
    ThreadItem card = askedToDelete();
    chat.model.reply(text("Sure, eggs added."));

    List<ThreadEvent> events = chat.say("Never mind, add eggs");

    assertThat(chat.approvals.all())
        .extracting(Approval::status)
        .containsExactly(ApprovalStatus.SUPERSEDED);
    ThreadItem settled = ((ThreadEvent.ItemReplaced) events.get(0)).item();
    assertThat(settled.id()).isEqualTo(card.id());
    assertThat(Events.payload(settled).path("copy_text").asString())
        .isEqualTo("Not confirmed: Delete task ‘Buy milk’");
    assertThat(chat.model.lastRequest().messages().subList(2, 5))
        .containsExactly(
            new ModelMessage.Assistant(
                "", List.of(new ToolCall("call_9", "delete_task", T1)), null),
            new ModelMessage.ToolResult(
                "call_9", "delete_task", "{\"cancelled\":true,\"message\":\"not confirmed\"}"),
            new ModelMessage.User("Never mind, add eggs"));
  }

  @Test
  void givenASupersededCard_aLateClick_isRefused_andRunsNothing() {
    ThreadItem card = askedToDelete();
    chat.model.reply(text("OK."));
    chat.say("Never mind");

    List<ThreadEvent> late = chat.click("approval.confirm", card);

    assertThat(Events.kinds(late))
        .singleElement()
        .asString()
        .startsWith("notice:This confirmation expired");
    assertThat(chat.toolbox.calls()).isEmpty();
  }

  @Test
  void givenACallThatCannotRun_noCardIsShown_andTheModelGetsTheReason() {
    chat.toolbox.describeAs(
        new ToolOutcome(true, "{\"error\":\"no task t1\"}", "Couldn't find task t1"));
    chat.model.reply(call("call_9", "delete_task", T1)).reply(text("There is no such task."));

    List<ThreadEvent> events = chat.say("Delete t1");

    assertThat(Events.kinds(events)).doesNotContain("done:widget", "done:end_of_turn");
    assertThat(chat.approvals.all()).isEmpty();
    assertThat(chat.toolbox.calls()).isEmpty();
    assertThat(chat.model.lastRequest().messages())
        .contains(
            new ModelMessage.ToolResult("call_9", "delete_task", "{\"error\":\"no task t1\"}"));
  }

  @Test
  void givenTwoDeletionsAtOnce_onlyTheFirstIsAsked_andTheModelLearnsTheOtherMustWait() {
    chat.model.reply(
        call("call_8", "delete_task", T1), call("call_9", "delete_task", "{\"id\":\"t2\"}"));
    chat.say("Delete both");
    ThreadItem card = chat.lastStored(ItemType.WIDGET);
    chat.model.reply(text("Deleted the first."));

    chat.click("approval.confirm", card);

    assertThat(chat.stored(ItemType.WIDGET)).hasSize(1);
    assertThat(chat.approvals.all()).extracting(Approval::toolCallId).containsExactly("call_8");
    assertThat(chat.model.lastRequest().messages())
        .contains(new ModelMessage.ToolResult("call_9", "delete_task", ToolRound.ONE_AT_A_TIME));
    assertThat(chat.toolbox.calls()).extracting(FakeToolbox.Call::arguments).containsExactly(T1);
  }

  @Test
  void givenAnUnknownApproval_action_failsAsNotFound() {
    Throwable failure =
        chat.playFailing(
            chat.responder()
                .action(
                    new ActionInput(
                        ALICE,
                        chat.thread.copy(),
                        "approval.confirm",
                        "{\"approval_id\":\"apr_0000000000000000\"}",
                        Optional.empty())));

    assertThat(failure)
        .isInstanceOf(ApprovalNotFoundException.class)
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenSomeoneElsesApproval_action_failsAsNotFound_andRunsNothing() {
    ThreadItem card = askedToDelete();
    String approvalId = AgentFixture.approvalIdOf(card);

    Throwable failure =
        chat.playFailing(
            chat.responder()
                .action(
                    new ActionInput(
                        BOB,
                        chat.thread.copy(),
                        "approval.confirm",
                        Json.write(Json.object().put("approval_id", approvalId)),
                        Optional.empty())));

    assertThat(failure).isInstanceOf(ApprovalNotFoundException.class);
    assertThat(chat.toolbox.calls()).isEmpty();
    assertThat(chat.approvals.all())
        .extracting(Approval::status)
        .containsExactly(ApprovalStatus.PENDING);
  }

  @Test
  void syncAction_hasNothingToReplace() {
    assertThat(
            chat.responder()
                .syncAction(
                    new ActionInput(
                        ALICE, chat.thread.copy(), "anything", "null", Optional.empty())))
        .isEmpty();
  }
}
