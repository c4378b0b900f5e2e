package dev.tasktalk.application.service.agent;

import static dev.tasktalk.application.service.agent.ScriptedModel.call;
import static dev.tasktalk.application.service.agent.ScriptedModel.text;
import static dev.tasktalk.application.testing.ChatKitFixture.newThread;
import static dev.tasktalk.application.testing.ChatKitFixture.userMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.LanguageModelException.Kind;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.service.chatkit.ChatKitService;
import dev.tasktalk.application.service.chatkit.ChatKitSettings;
import dev.tasktalk.application.testing.InMemoryChatStore;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agent behind the real ChatKit service: what a client receives and what the store keeps. */
class AgentThroughChatKitTest {

  private static final UserId ALICE = new UserId("alice");
  private static final String CUT_OFF_NOTE =
      "The previous assistant answer was cut off by an error before it finished, so it is"
          + " incomplete.";

  private final InMemoryChatStore store = new InMemoryChatStore();
  private final ScriptedModel model = new ScriptedModel();
  private final FakeToolbox toolbox = new FakeToolbox();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final ChatKitSettings settings = ChatKitSettings.defaults();
  private final AgentResponder agent =
      new AgentResponder(
          model,
          toolbox,
          new RecordedApprovals(store),
          store.items(),
          clock,
          AgentSettings.defaults());
  private final ChatKitService service =
      new ChatKitService(
          store.threads(),
          store.items(),
          store.attachments(),
          store.runs(),
          store.feedback(),
          agent,
          (audio, mime) -> "",
          clock,
          settings);

  private List<ThreadEvent> stream(ChatKitRequest request) {
    ChatKitResult result = service.process(ALICE, request);
    return ((ChatKitResult.Stream) result)
        .events()
        .collect()
        .asList()
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  /**
   * Each event as the ChatKit event type it becomes, with the item type where it carries an item.
   */
  private static List<String> types(List<ThreadEvent> events) {
    return events.stream()
        .map(
            event -> {
              if (event instanceof ThreadEvent.ThreadCreated) {
                return "thread.created";
              } else if (event instanceof ThreadEvent.ThreadUpdated) {
                return "thread.updated";
              } else if (event instanceof ThreadEvent.StreamOptions) {
                return "stream_options";
              } else if (event instanceof ThreadEvent.ItemUpdated) {
                return "thread.item.updated";
              } else if (event instanceof ThreadEvent.ItemAdded e) {
                return "thread.item.added:" + e.item().type().wireName();
              } else if (event instanceof ThreadEvent.ItemDone e) {
                return "thread.item.done:" + e.item().type().wireName();
              } else if (event instanceof ThreadEvent.ItemReplaced e) {
                return "thread.item.replaced:" + e.item().type().wireName();
              }
              return event.getClass().getSimpleName();
            })
        .toList();
  }

  private static String threadId(List<ThreadEvent> events) {
    return ((ThreadEvent.ThreadCreated) events.get(0)).thread().id().value();
  }

  private static ThreadEvent last(List<ThreadEvent> events) {
    return events.get(events.size() - 1);
  }

  private List<ThreadItem> stored(String threadId) {
    return store.items().latest(ALICE, new ThreadId(threadId), 1_000);
  }

  @Test
  void givenAToolRound_theClientSeesTheWorkflowAndAnswer_butNeverTheHiddenRecord_whichIsStored() {
    toolbox.answer("add_task", new ToolOutcome(false, "{\"id\":\"t1\"}", "Added task ‘Buy milk’"));
    model.reply(call("call_1", "add_task", "{\"title\":\"Buy milk\"}")).reply(text("Added."));

    List<ThreadEvent> events = stream(newThread("Add buy milk"));

    assertThat(types(events))
        .containsExactly(
            "thread.created",
            "thread.item.done:user_message",
            "stream_options",
            "thread.item.added:workflow",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.done:workflow",
            "thread.item.added:assistant_message",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.done:assistant_message",
            "thread.updated");
    String threadId = threadId(events);
    assertThat(((ThreadEvent.ThreadUpdated) last(events)).thread().title())
        .contains("Shopping list");
    assertThat(stored(threadId))
        .extracting(ThreadItem::type)
        .containsExactly(
            ItemType.USER_MESSAGE,
            ItemType.HIDDEN_CONTEXT,
            ItemType.WORKFLOW,
            ItemType.ASSISTANT_MESSAGE);
  }

  @Test
  void givenAConfirmationCard_theClickThroughCustomAction_deletesAndContinues() {
    toolbox.answer(
        "delete_task", new ToolOutcome(false, "{\"deleted\":true}", "Deleted task ‘Buy milk’"));
    model.reply(call("call_9", "delete_task", "{\"id\":\"t1\"}")).reply(text("Deleted it."));
    List<ThreadEvent> asked = stream(newThread("Delete buy milk"));
    String threadId = threadId(asked);
    ThreadItem card =
        asked.stream()
            .filter(
                e ->
                    e instanceof ThreadEvent.ItemDone done && done.item().type() == ItemType.WIDGET)
            .map(e -> ((ThreadEvent.ItemDone) e).item())
            .findFirst()
            .orElseThrow();
    JsonValue confirm =
        Json.parseObject(card.payload()).path("widget").path("confirm").path("action");

    List<ThreadEvent> answered =
        stream(
            new ChatKitRequest.CustomAction(
                new ThreadId(threadId),
                Optional.of(card.id()),
                new ChatKitRequest.Action(
                    confirm.path("type").asString(), Json.write(confirm.path("payload")))));

    assertThat(types(asked)).endsWith("thread.item.done:widget", "thread.item.done:end_of_turn");
    assertThat(types(answered))
        .startsWith(
            "stream_options", "thread.item.replaced:widget", "thread.item.added:assistant_message");
    assertThat(toolbox.calls()).hasSize(1);
    assertThat(stored(threadId))
        .extracting(ThreadItem::type)
        .containsExactly(
            ItemType.USER_MESSAGE,
            ItemType.HIDDEN_CONTEXT,
            ItemType.WIDGET,
            ItemType.END_OF_TURN,
            ItemType.HIDDEN_CONTEXT,
            ItemType.ASSISTANT_MESSAGE);
    assertThat(stored(threadId).get(2).payload())
        .contains("Deleted task ‘Buy milk’")
        .doesNotContain("confirm");
  }

  @Test
  void givenAPassingModelFailure_theClientGetsTheMessageWithRetry_andALastingOneWithout() {
    model.failAfter(
        new LanguageModelException(Kind.RATE_LIMITED, true, "Too many requests, try again soon."));
    List<ThreadEvent> first = stream(newThread("Hi"));
    String threadId = threadId(first);
    model.failAfter(
        new LanguageModelException(Kind.AUTHENTICATION, false, "The API key was rejected."));

    List<ThreadEvent> second = stream(userMessage(threadId, "Hi again"));

    assertThat(last(first))
        .isEqualTo(ThreadEvent.Error.custom("Too many requests, try again soon.", true));
    assertThat(last(second))
        .isEqualTo(ThreadEvent.Error.custom("The API key was rejected.", false));
  }

  @Test
  void
      givenAModelFaultMidAnswer_thePartialAnswerIsStoredCutOff_andTheNextTurnKnowsItWasIncomplete() {
    model.failAfter(
        new LanguageModelException(Kind.SERVER, true, "The model broke off. Please try again."),
        text("Milk is "),
        text("in aisle"));
    List<ThreadEvent> first = stream(newThread("Where is milk?"));
    String threadId = threadId(first);
    model.reply(text("Aisle 3, by the eggs."));

    stream(userMessage(threadId, "Go on"));

    assertThat(last(first))
        .isEqualTo(ThreadEvent.Error.custom("The model broke off. Please try again.", true));
    List<ThreadItem> stored = stored(threadId);
    assertThat(stored)
        .extracting(ThreadItem::type)
        .containsExactly(
            ItemType.USER_MESSAGE,
            ItemType.ASSISTANT_MESSAGE,
            ItemType.SDK_HIDDEN_CONTEXT,
            ItemType.USER_MESSAGE,
            ItemType.ASSISTANT_MESSAGE);
    assertThat(MessageText.assistant(stored.get(1))).isEqualTo("Milk is in aisle");
    assertThat(stored.get(2).payload()).contains("cut off by an error");
    assertThat(model.lastRequest().messages().subList(1, 5))
        .containsExactly(
            new ModelMessage.User("Where is milk?"),
            new ModelMessage.Assistant("Milk is in aisle", List.of(), null),
            new ModelMessage.System(CUT_OFF_NOTE),
            new ModelMessage.User("Go on"));
    assertThat(store.runs().all())
        .extracting(Run::status)
        .containsExactly(RunStatus.FAILED, RunStatus.COMPLETED);
  }

  @Test
  void givenAModelFaultBeforeAnyText_onlyTheUserMessageIsStored() {
    model.failAfter(
        new LanguageModelException(Kind.UNREACHABLE, true, "The model can't be reached."));

    List<ThreadEvent> events = stream(newThread("Hi"));

    String threadId = threadId(events);
    assertThat(last(events)).isInstanceOf(ThreadEvent.Error.class);
    assertThat(stored(threadId))
        .extracting(ThreadItem::type)
        .containsExactly(ItemType.USER_MESSAGE);
    assertThat(store.runs().all()).extracting(Run::status).containsExactly(RunStatus.FAILED);
  }
}
