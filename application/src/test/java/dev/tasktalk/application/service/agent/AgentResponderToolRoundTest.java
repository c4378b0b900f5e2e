package dev.tasktalk.application.service.agent;

import static dev.tasktalk.application.service.agent.AgentFixture.ALICE;
import static dev.tasktalk.application.service.agent.AgentFixture.json;
import static dev.tasktalk.application.service.agent.ScriptedModel.call;
import static dev.tasktalk.application.service.agent.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentResponderToolRoundTest {

  private static final String MILK = "{\"title\":\"Buy milk\"}";
  private static final String ADDED = "{\"id\":\"t1\",\"title\":\"Buy milk\"}";

  private final AgentFixture chat = new AgentFixture();

  @Test
  void
      givenAToolCall_respond_showsItAsAWorkflowTask_storesTheRound_andLetsTheModelAnswerWithTheResult() {
    chat.toolbox.answer("add_task", new ToolOutcome(false, ADDED, "Added task ‘Buy milk’"));
    chat.model.reply(call("call_1", "add_task", MILK)).reply(text("Added ‘Buy milk’."));

    List<ThreadEvent> events = chat.say("Add buy milk");

    assertThat(Events.kinds(events))
        .containsExactly(
            "added:workflow",
            "update:workflow.task.added",
            "update:workflow.task.updated",
            "done:hidden_context_item",
            "done:workflow",
            "added:assistant_message",
            "update:assistant_message.content_part.added",
            "update:assistant_message.content_part.text_delta",
            "update:assistant_message.content_part.done",
            "done:assistant_message",
            "title:Shopping list");
    assertThat(Events.updates(events).subList(0, 2))
        .containsExactly(
            json(
                "{\"type\":\"workflow.task.added\",\"task_index\":0,\"task\":{\"type\":\"custom\",\"title\":\"Add"
                    + " task…\","
                    + "\"status_indicator\":\"loading\",\"name\":\"add_task\",\"arguments\":"
                    + quoted(MILK)
                    + "}}"),
            json(
                "{\"type\":\"workflow.task.updated\",\"task_index\":0,\"task\":{\"type\":\"custom\",\"title\":\"Added"
                    + " task ‘Buy milk’\",\"status_indicator\":\"complete\",\"name\":\"add_task\","
                    + "\"arguments\":"
                    + quoted(MILK)
                    + "}}"));
    ThreadItem workflow = Events.done(events, ItemType.WORKFLOW).get(0);
    assertThat(((ThreadEvent.ItemAdded) events.get(0)).item().id()).isEqualTo(workflow.id());
    assertThat(json(workflow.payload()))
        .isEqualTo(
            json(
                "{\"workflow\":{\"type\":\"custom\",\"tasks\":[{\"type\":\"custom\",\"title\":\"Added"
                    + " task ‘Buy"
                    + " milk’\",\"status_indicator\":\"complete\",\"name\":\"add_task\",\"arguments\":"
                    + quoted(MILK)
                    + "}],\"summary\":{\"title\":\"1 tool call\"},\"expanded\":false}}"));
    assertThat(chat.toolbox.calls())
        .containsExactly(
            new FakeToolbox.Call(
                new ToolContext(ALICE, ToolContext.AGENT, chat.thread.id(), null),
                "add_task",
                MILK));
    assertThat(chat.model.requests().get(1).messages())
        .endsWith(
            new ModelMessage.User("Add buy milk"),
            new ModelMessage.Assistant("", List.of(new ToolCall("call_1", "add_task", MILK)), null),
            new ModelMessage.ToolResult("call_1", "add_task", ADDED));
  }

  @Test
  void givenAProviderThatReportsNoUsage_aToolRound_stillAnswers_andCountsOnlyWhatWasReported() {
    // Found by the benchmark: two model calls without usage counts unboxed a null and failed the
    // turn.
    chat.toolbox.answer("add_task", new ToolOutcome(false, ADDED, "Added task ‘Buy milk’"));
    chat.model
        .reply(call("call_1", "add_task", MILK), new ModelEvent.Finished("tool_calls", null, null))
        .reply(text("Added."), new ModelEvent.Finished("stop", null, null));

    List<ThreadEvent> events = chat.say("Add buy milk");

    assertThat(Events.kinds(events)).contains("done:assistant_message").doesNotContain("error");
    assertThat(chat.metrics)
        .singleElement()
        .satisfies(
            turn -> {
              // Only the scripted title call reports usage (3 in, 2 out).
              assertThat(turn.inputTokens()).isEqualTo(3L);
              assertThat(turn.outputTokens()).isEqualTo(2L);
              assertThat(turn.toolCalls()).isEqualTo(1);
            });
  }

  @Test
  void givenAToolRound_theHiddenRecord_holdsTheCallsWithTheirResults() {
    chat.toolbox.answer("add_task", new ToolOutcome(false, ADDED, "Added task ‘Buy milk’"));
    chat.model
        .reply(
            new ModelEvent.ReasoningDelta("The user wants milk."), call("call_1", "add_task", MILK))
        .reply(text("Added."));

    chat.say("Add buy milk");

    JsonValue record = Events.payload(chat.lastStored(ItemType.HIDDEN_CONTEXT));
    assertThat(record)
        .isEqualTo(
            json(
                "{\"content\":{\"kind\":\"tool_calls\",\"agent\":\"Tasktalk\",\"calls\":[{"
                    + "\"id\":\"call_1\",\"name\":\"add_task\",\"arguments\":"
                    + quoted(MILK)
                    + ",\"result\":"
                    + quoted(ADDED)
                    + "}],\"assistant_text\":\"\",\"reasoning\":\"The user wants"
                    + " milk.\",\"message_id\":null}}"));
  }

  @Test
  void givenProviderFieldsOnACall_theyAreStoredWithTheRound_andTheNextTurnSendsThemBack() {
    // Gemini's thought signature and a provider id that was not unique: no instance keeps them in
    // memory.
    String signature = "{\"extra_content\":{\"google\":{\"thought_signature\":\"c2ln\"}}}";
    ToolCall made = new ToolCall("call_mine", "add_task", MILK, "call_0", signature);
    chat.toolbox.answer("add_task", new ToolOutcome(false, ADDED, "Added task ‘Buy milk’"));
    chat.model
        .reply(new ModelEvent.ToolCallRequested(made))
        .reply(text("Added."))
        .reply(text("You're welcome."));
    chat.say("Add buy milk");

    JsonValue stored =
        Events.payload(chat.lastStored(ItemType.HIDDEN_CONTEXT))
            .path("content")
            .path("calls")
            .path(0);
    assertThat(stored.path("provider_id").stringValue()).isEqualTo("call_0");
    assertThat(stored.path("provider_data").stringValue()).isEqualTo(signature);

    chat.say("Thanks");

    assertThat(chat.model.lastRequest().messages().get(2))
        .isEqualTo(new ModelMessage.Assistant("", List.of(made), null));
  }

  @Test
  void givenAnEarlierToolRound_theNextTurn_showsTheModelItsCallsAndResultsBeforeItsAnswer() {
    chat.toolbox.answer("add_task", new ToolOutcome(false, ADDED, "Added task ‘Buy milk’"));
    chat.model
        .reply(call("call_1", "add_task", MILK))
        .reply(text("Added."))
        .reply(text("You're welcome."));
    chat.say("Add buy milk");

    chat.say("Thanks");

    assertThat(chat.model.lastRequest().messages().subList(1, 6))
        .containsExactly(
            new ModelMessage.User("Add buy milk"),
            new ModelMessage.Assistant("", List.of(new ToolCall("call_1", "add_task", MILK)), null),
            new ModelMessage.ToolResult("call_1", "add_task", ADDED),
            new ModelMessage.Assistant("Added.", List.of(), null),
            new ModelMessage.User("Thanks"));
  }

  @Test
  void givenTextBeforeTheToolCalls_itIsShownAsItsOwnMessage_andLaterSentOnceWithTheCalls() {
    chat.model
        .reply(text("Let me add that."), call("call_1", "add_task", MILK))
        .reply(text("Done."))
        .reply(text("Bye."));

    List<ThreadEvent> events = chat.say("Add buy milk");
    chat.say("Bye");

    assertThat(Events.kinds(events).subList(0, 5))
        .containsExactly(
            "added:assistant_message",
            "update:assistant_message.content_part.added",
            "update:assistant_message.content_part.text_delta",
            "update:assistant_message.content_part.done",
            "done:assistant_message");
    assertThat(Events.done(events, ItemType.ASSISTANT_MESSAGE)).hasSize(2);
    assertThat(chat.model.lastRequest().messages())
        .filteredOn(ModelMessage.Assistant.class::isInstance)
        .containsExactly(
            new ModelMessage.Assistant(
                "Let me add that.", List.of(new ToolCall("call_1", "add_task", MILK)), null),
            new ModelMessage.Assistant("Done.", List.of(), null));
  }

  @Test
  void givenParallelToolCalls_respond_runsEachAsItsOwnTask_andAnswersAllInOneRound() {
    chat.model
        .reply(call("call_1", "add_task", MILK), call("call_2", "list_tasks", "{}"))
        .reply(text("Done."));

    List<ThreadEvent> events = chat.say("Add milk and show my tasks");

    assertThat(Events.updates(events))
        .filteredOn(update -> update.path("type").asString().startsWith("workflow."))
        .extracting(
            update -> update.path("type").asString() + "#" + update.path("task_index").asInt())
        .containsExactly(
            "workflow.task.added#0",
            "workflow.task.updated#0",
            "workflow.task.added#1",
            "workflow.task.updated#1");
    assertThat(
            Events.payload(Events.done(events, ItemType.WORKFLOW).get(0))
                .path("workflow")
                .path("summary"))
        .isEqualTo(json("{\"title\":\"2 tool calls\"}"));
    assertThat(chat.toolbox.calls())
        .extracting(FakeToolbox.Call::name)
        .containsExactly("add_task", "list_tasks");
    assertThat(chat.stored(ItemType.HIDDEN_CONTEXT)).hasSize(1);
    assertThat(chat.model.lastRequest().messages().subList(2, 5))
        .containsExactly(
            new ModelMessage.Assistant(
                "",
                List.of(
                    new ToolCall("call_1", "add_task", MILK),
                    new ToolCall("call_2", "list_tasks", "{}")),
                null),
            new ModelMessage.ToolResult("call_1", "add_task", "{\"ok\":true}"),
            new ModelMessage.ToolResult("call_2", "list_tasks", "{\"ok\":true}"));
  }

  @Test
  void givenAFailedToolCall_itsTaskSaysSo_andTheModelGetsTheError() {
    chat.toolbox.answer(
        "get_task", new ToolOutcome(true, "{\"error\":\"no task t9\"}", "Couldn't find task t9"));
    chat.model
        .reply(call("call_1", "get_task", "{\"id\":\"t9\"}"))
        .reply(text("There is no such task."));

    List<ThreadEvent> events = chat.say("Show t9");

    assertThat(Events.updates(events).get(1).path("task"))
        .isEqualTo(
            json(
                "{\"type\":\"custom\",\"title\":\"Couldn't find task"
                    + " t9\",\"status_indicator\":\"complete\",\"icon\":\"info\","
                    + "\"name\":\"get_task\",\"arguments\":\"{\\\"id\\\":\\\"t9\\\"}\"}"));
    assertThat(chat.model.lastRequest().messages())
        .contains(new ModelMessage.ToolResult("call_1", "get_task", "{\"error\":\"no task t9\"}"));
  }

  @Test
  void givenAToolTheAgentDoesNotHold_itIsNotRun_andTheModelLearnsItDoesNotExist() {
    chat.model.reply(call("call_1", "drop_database", "{}")).reply(text("Sorry."));

    chat.say("Drop everything");

    assertThat(chat.toolbox.calls()).isEmpty();
    assertThat(((ModelMessage.ToolResult) chat.model.lastRequest().messages().get(3)).content())
        .contains("there is no tool drop_database");
  }

  @Test
  void givenAModelThatKeepsCallingTools_theTurnStopsAtTheStepLimit_withAShortMessage() {
    chat.settings = AgentSettings.defaults().withMaxSteps(2);
    chat.model
        .reply(call("call_1", "list_tasks", "{}"))
        .reply(call("call_2", "list_tasks", "{}"))
        .reply(text("never asked"));

    List<ThreadEvent> events = chat.say("Loop");

    assertThat(chat.model.requests()).hasSize(2);
    assertThat(chat.toolbox.calls()).hasSize(2);
    List<ThreadItem> answers = Events.done(events, ItemType.ASSISTANT_MESSAGE);
    assertThat(answers)
        .singleElement()
        .satisfies(
            answer ->
                assertThat(MessageText.assistant(answer))
                    .isEqualTo(
                        "I stopped after 2 steps without finishing. Tell me to continue, or ask for"
                            + " a smaller change."));
    assertThat(Events.kinds(events)).containsSubsequence("done:workflow", "done:assistant_message");
  }

  private static String quoted(String text) {
    return Json.quote(text);
  }
}
