package dev.tasktalk.application.service.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.service.agent.ToolLog.LoggedCall;
import dev.tasktalk.application.service.agent.ToolLog.Round;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelHistoryTest {

  private static final ThreadId THREAD = ThreadId.generate();
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  private static ThreadItem item(ItemType type, String payload) {
    return new ThreadItem(ItemId.generate(type), THREAD, type, AT, payload);
  }

  private static ThreadItem user(String text) {
    return item(
        ItemType.USER_MESSAGE,
        "{\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}],\"attachments\":[]}");
  }

  private static ThreadItem assistant(String text) {
    return item(ItemType.ASSISTANT_MESSAGE, ItemJson.assistantMessage(text));
  }

  private static ThreadItem round(String callId, String result) {
    return item(
        ItemType.HIDDEN_CONTEXT,
        ToolLog.round(
            new Round(
                "Tasktalk",
                "",
                null,
                null,
                List.of(new LoggedCall(callId, "list_tasks", "{}", result, null)))));
  }

  private static String chars(int count) {
    return "x".repeat(count);
  }

  @Test
  void givenAHistoryOverBudget_theOldestMessagesGoFirst_andACallNeverLosesItsResult() {
    List<ThreadItem> items =
        List.of(
            user(chars(100)),
            round("call_1", "{\"r\":\"" + chars(100) + "\"}"),
            assistant(chars(100)),
            user("now"));

    List<ModelMessage> messages = ModelHistory.of(items, 120);

    assertThat(messages)
        .containsExactly(
            new ModelMessage.Assistant(chars(100), List.of(), null), new ModelMessage.User("now"));
  }

  @Test
  void givenABudgetThatFitsTheRoundButNotTheFirstMessage_theRoundStaysWhole() {
    List<ThreadItem> items =
        List.of(user(chars(100)), round("call_1", "{}"), assistant("ok"), user("now"));

    List<ModelMessage> messages = ModelHistory.of(items, 40);

    assertThat(messages)
        .containsExactly(
            new ModelMessage.Assistant(
                "", List.of(new ToolCall("call_1", "list_tasks", "{}")), null),
            new ModelMessage.ToolResult("call_1", "list_tasks", "{}"),
            new ModelMessage.Assistant("ok", List.of(), null),
            new ModelMessage.User("now"));
  }

  @Test
  void givenALastMessageOverTheBudgetAlone_itIsStillSent() {
    List<ThreadItem> items = List.of(user("before"), assistant("ok"), user(chars(500)));

    assertThat(ModelHistory.of(items, 100)).containsExactly(new ModelMessage.User(chars(500)));
  }

  @Test
  void givenAToolRoundAfterTheLastMessage_itIsKeptWithTheMessage() {
    List<ThreadItem> items = List.of(user(chars(300)), user("now"), round("call_1", chars(300)));

    assertThat(ModelHistory.of(items, 10))
        .containsExactly(
            new ModelMessage.User("now"),
            new ModelMessage.Assistant(
                "", List.of(new ToolCall("call_1", "list_tasks", "{}")), null),
            new ModelMessage.ToolResult("call_1", "list_tasks", chars(300)));
  }

  @Test
  void givenWidgetsWorkflowsAndEndOfTurn_theyAreNotSent() {
    List<ThreadItem> items =
        List.of(
            user("hi"),
            item(ItemType.WORKFLOW, ItemJson.workflow(List.of(), "1 tool call")),
            item(ItemType.WIDGET, ConfirmationWidget.settled("Deleted")),
            item(ItemType.END_OF_TURN, "{}"),
            assistant("hello"));

    assertThat(ModelHistory.of(items, 1_000))
        .containsExactly(
            new ModelMessage.User("hi"), new ModelMessage.Assistant("hello", List.of(), null));
  }

  @Test
  void givenTagsQuotesAndAttachments_theUserMessageMentionsThem() {
    ThreadItem message =
        item(
            ItemType.USER_MESSAGE,
            "{\"content\":[{\"type\":\"input_text\",\"text\":\"Look at"
                + " \"},{\"type\":\"input_tag\",\"id\":\"t1\",\"text\":\"Buy"
                + " milk\",\"data\":{}}],\"quoted_text\":\"earlier words\","
                + "\"attachments\":[{\"type\":\"file\",\"id\":\"atc_1\",\"name\":\"list.pdf\","
                + "\"mime_type\":\"application/pdf\"}]}");

    assertThat(ModelHistory.of(List.of(message), 1_000))
        .containsExactly(
            new ModelMessage.User(
                "(Quoting: \"earlier words\")\nLook at @Buy milk\n(Attached: list.pdf)"));
  }
}
