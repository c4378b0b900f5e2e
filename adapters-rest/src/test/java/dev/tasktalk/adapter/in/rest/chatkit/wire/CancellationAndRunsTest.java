package dev.tasktalk.adapter.in.rest.chatkit.wire;

import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.ALICE;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.addMessage;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.create;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.request;
import static dev.tasktalk.application.testing.ScriptedResponder.turn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.shared.UnavailableException;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CancellationAndRunsTest {

  private static final String BUSY =
      "{\"type\":\"error\",\"code\":\"custom\",\"message\":\"a response is already in"
          + " progress\",\"allow_retry\":true}";

  private final ChatKitWireFixture chat = new ChatKitWireFixture();

  private AssertSubscriber<ThreadEvent> open(String request, int eventsBeforeReturning) {
    AssertSubscriber<ThreadEvent> subscriber =
        chat.multi(ALICE, request)
            .subscribe()
            .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    subscriber.awaitItems(eventsBeforeReturning, Duration.ofSeconds(5));
    return subscriber;
  }

  private String threadOf(AssertSubscriber<ThreadEvent> subscriber) {
    return ((ThreadEvent.ThreadCreated) subscriber.getItems().get(0)).thread().id().value();
  }

  @Test
  void stop_keepsThePartialAnswer_storesAHiddenNote_cancelsTheRunAndTheResponder() {
    chat.responder.then(turn().textThenHang("Partial ", "answer"));
    // thread.created, user message, stream_options, added, part added, two deltas
    AssertSubscriber<ThreadEvent> stream = open(create("Hi"), 7);
    String threadId = threadOf(stream);

    stream.cancel();

    List<ThreadItem> stored = chat.stored(ALICE, threadId);
    assertThat(stored)
        .extracting(ThreadItem::type)
        .containsExactly(
            ItemType.USER_MESSAGE, ItemType.ASSISTANT_MESSAGE, ItemType.SDK_HIDDEN_CONTEXT);
    assertThat(ChatKitWireFixture.assistantText(stored.get(1))).isEqualTo("Partial answer");
    assertThat(stored.get(1).payload())
        .isEqualTo(
            "{\"content\":[{\"annotations\":[],\"text\":\"Partial answer\","
                + "\"type\":\"output_text\"}]}");
    assertThat(stored.get(2).payload())
        .isEqualTo(
            "{\"content\":\"The user cancelled the stream. Stop responding to the prior"
                + " request.\"}");
    assertThat(chat.store.runs().all())
        .extracting(Run::status)
        .containsExactly(RunStatus.CANCELLED);
    assertThat(chat.responder.cancellations()).isEqualTo(1);
  }

  @Test
  void stop_thenANewMessage_isAcceptedAtOnce_andTheNoteStaysHidden() {
    chat.responder.then(turn().textThenHang("Partial"));
    AssertSubscriber<ThreadEvent> stream = open(create("Hi"), 6);
    String threadId = threadOf(stream);
    stream.cancel();

    List<JsonNode> next = chat.stream(ALICE, addMessage(threadId, "Next"));

    assertThat(next.get(0).path("type").stringValue()).isEqualTo("thread.item.done");
    assertThat(chat.responder.inputs().get(1).history())
        .extracting(ThreadItem::type)
        .contains(ItemType.SDK_HIDDEN_CONTEXT);
    JsonNode listed =
        chat.json(ALICE, request("items.list", "{\"thread_id\":\"" + threadId + "\"}"));
    assertThat(listed.path("data").toString())
        .doesNotContain("sdk_hidden_context", "cancelled the stream");
    assertThat(listed.path("data")).hasSize(4);
  }

  @Test
  void stop_beforeAnyText_storesOnlyTheNote() {
    chat.responder.then(turn().textThenHang());
    AssertSubscriber<ThreadEvent> stream = open(create("Hi"), 5);
    String threadId = threadOf(stream);

    stream.cancel();
    stream.cancel();

    assertThat(chat.stored(ALICE, threadId))
        .extracting(ThreadItem::type)
        .containsExactly(ItemType.USER_MESSAGE, ItemType.SDK_HIDDEN_CONTEXT);
    assertThat(chat.store.runs().all())
        .extracting(Run::status)
        .containsExactly(RunStatus.CANCELLED);
  }

  @Test
  void aFailureMidAnswer_keepsThePartialAnswerMarkedCutOff_failsTheRun_andEndsWithTheError() {
    chat.responder.then(
        turn()
            .partialText("Partial ", "answer")
            .fail(
                new UnavailableException(
                    "The assistant's model had a problem. Please try again.")));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));
    String threadId = events.get(0).path("thread").path("id").stringValue();

    assertThat(events.get(events.size() - 1))
        .hasToString(
            "{\"type\":\"error\",\"code\":\"custom\",\"message\":\"The assistant's model had a"
                + " problem. Please try again.\",\"allow_retry\":true}");
    List<ThreadItem> stored = chat.stored(ALICE, threadId);
    assertThat(stored)
        .extracting(ThreadItem::type)
        .containsExactly(
            ItemType.USER_MESSAGE, ItemType.ASSISTANT_MESSAGE, ItemType.SDK_HIDDEN_CONTEXT);
    assertThat(stored.get(1).payload())
        .isEqualTo(
            "{\"content\":[{\"annotations\":[],\"text\":\"Partial answer\","
                + "\"type\":\"output_text\"}]}");
    assertThat(stored.get(2).payload())
        .isEqualTo(
            "{\"content\":\"The previous assistant answer was cut off by an "
                + "error before it finished, so it is incomplete.\"}");
    assertThat(chat.store.runs().all())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.status()).isEqualTo(RunStatus.FAILED);
              assertThat(run.error())
                  .isEqualTo("The assistant's model had a problem. Please try again.");
            });
  }

  @Test
  void aFailureBeforeAnyText_storesNoEmptyAnswer_andNoNote() {
    chat.responder.then(
        turn().partialText().fail(new UnavailableException("The model can't be reached.")));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));
    String threadId = events.get(0).path("thread").path("id").stringValue();

    assertThat(events.get(events.size() - 1).path("type").stringValue()).isEqualTo("error");
    assertThat(chat.stored(ALICE, threadId))
        .extracting(ThreadItem::type)
        .containsExactly(ItemType.USER_MESSAGE);
    assertThat(chat.store.runs().all()).extracting(Run::status).containsExactly(RunStatus.FAILED);
  }

  @Test
  void aFailureMidAnswer_leavesTheThreadUsable_forANewMessageAndForARetry() {
    chat.responder.then(turn().partialText("Half").fail(new UnavailableException("Broke off.")));
    String threadId = chat.createThread(ALICE, "Hi");
    ThreadItem first = chat.stored(ALICE, threadId).get(0);

    List<JsonNode> next = chat.stream(ALICE, addMessage(threadId, "Next"));

    assertThat(next.get(next.size() - 1).path("type").stringValue()).isEqualTo("thread.item.done");
    assertThat(chat.responder.inputs().get(1).history())
        .extracting(ThreadItem::type)
        .containsExactly(
            ItemType.USER_MESSAGE,
            ItemType.ASSISTANT_MESSAGE,
            ItemType.SDK_HIDDEN_CONTEXT,
            ItemType.USER_MESSAGE);
    JsonNode listed =
        chat.json(ALICE, request("items.list", "{\"thread_id\":\"" + threadId + "\"}"));
    assertThat(listed.path("data")).hasSize(4);
    assertThat(listed.path("data").toString()).contains("Half").doesNotContain("cut off");

    chat.responder.then(turn().text("Whole"));
    chat.stream(
        ALICE,
        request(
            "threads.retry_after_item",
            "{\"thread_id\":\"" + threadId + "\",\"item_id\":\"" + first.id() + "\"}"));

    List<ThreadItem> stored = chat.stored(ALICE, threadId);
    assertThat(stored)
        .extracting(ThreadItem::type)
        .containsExactly(ItemType.USER_MESSAGE, ItemType.ASSISTANT_MESSAGE);
    assertThat(ChatKitWireFixture.assistantText(stored.get(1))).isEqualTo("Whole");
    assertThat(chat.store.runs().all())
        .extracting(Run::status)
        .containsExactly(RunStatus.FAILED, RunStatus.COMPLETED, RunStatus.COMPLETED);
  }

  @Test
  void stop_afterTheStreamCompleted_changesNothing() {
    AssertSubscriber<ThreadEvent> stream = open(create("Hi"), 8);
    stream.awaitCompletion(Duration.ofSeconds(5));
    String threadId = threadOf(stream);

    stream.cancel();

    assertThat(chat.stored(ALICE, threadId))
        .extracting(ThreadItem::type)
        .containsExactly(ItemType.USER_MESSAGE, ItemType.ASSISTANT_MESSAGE);
    assertThat(chat.store.runs().all())
        .extracting(Run::status)
        .containsExactly(RunStatus.COMPLETED);
  }

  @Test
  void aSecondMessageWhileAnswering_isOneErrorEvent_andIsNotStored() {
    chat.responder.then(turn().textThenHang("Working"));
    AssertSubscriber<ThreadEvent> first = open(create("Hi"), 6);
    String threadId = threadOf(first);
    int storedBefore = chat.stored(ALICE, threadId).size();

    List<JsonNode> second = chat.stream(ALICE, addMessage(threadId, "Are you there?"));

    assertThat(second).singleElement().hasToString(BUSY);
    assertThat(chat.stored(ALICE, threadId)).hasSize(storedBefore);
    assertThat(chat.store.runs().all()).hasSize(1);
    assertThat(chat.responder.inputs()).hasSize(1);
    first.cancel();
  }

  @Test
  void everyStreamingRequest_takesTheThreadsRun() {
    chat.responder.then(turn().widget("{\"type\":\"Card\",\"children\":[]}", "c"));
    String threadId = chat.createThread(ALICE, "Hi");
    ThreadItem user = chat.stored(ALICE, threadId).get(0);
    ThreadItem widget = chat.stored(ALICE, threadId).get(1);
    chat.responder.then(turn().textThenHang("busy"));
    AssertSubscriber<ThreadEvent> running = open(addMessage(threadId, "Go"), 5);

    assertThat(
            chat.stream(
                ALICE,
                request(
                    "threads.custom_action",
                    "{\"thread_id\":\""
                        + threadId
                        + "\",\"item_id\":\""
                        + widget.id()
                        + "\",\"action\":{\"type\":\"x\"}}")))
        .singleElement()
        .hasToString(BUSY);
    assertThat(
            chat.stream(
                ALICE,
                request(
                    "threads.retry_after_item",
                    "{\"thread_id\":\"" + threadId + "\",\"item_id\":\"" + user.id() + "\"}")))
        .singleElement()
        .hasToString(BUSY);
    // A busy retry must not have deleted anything.
    assertThat(chat.stored(ALICE, threadId)).hasSize(3);
    running.cancel();
  }

  @Test
  void syncCustomAction_isAllowedWhileAnswering() {
    chat.responder.then(turn().widget("{\"type\":\"Card\",\"children\":[]}", "c"));
    String threadId = chat.createThread(ALICE, "Hi");
    ThreadItem widget = chat.stored(ALICE, threadId).get(1);
    chat.responder.then(turn().textThenHang("busy"));
    AssertSubscriber<ThreadEvent> running = open(addMessage(threadId, "Go"), 5);

    JsonNode answer =
        chat.json(
            ALICE,
            request(
                "threads.sync_custom_action",
                "{\"thread_id\":\""
                    + threadId
                    + "\",\"item_id\":\""
                    + widget.id()
                    + "\",\"action\":{\"type\":\"toggle\"}}"));

    assertThat(answer.toString()).isEqualTo("{}");
    running.cancel();
  }

  @Test
  void concurrentMessages_exactlyOneIsAnswered() throws Exception {
    String threadId = chat.createThread(ALICE, "Hi");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<ChatKitResult>> sends = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String text = "message " + i;
      sends.add(() -> chat.process(ALICE, addMessage(threadId, text)));
    }
    List<List<ThreadEvent>> answers = new ArrayList<>();
    try {
      for (Future<ChatKitResult> result : pool.invokeAll(sends)) {
        answers.add(
            ((ChatKitResult.Stream) result.get())
                .events()
                .collect()
                .asList()
                .await()
                .indefinitely());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(answers)
        .filteredOn(events -> events.size() == 1 && events.get(0) instanceof ThreadEvent.Error)
        .hasSize(7);
    assertThat(chat.stored(ALICE, threadId))
        .filteredOn(i -> i.type() == ItemType.USER_MESSAGE)
        .hasSize(2);
    assertThat(chat.store.runs().all())
        .extracting(Run::status)
        .containsOnly(RunStatus.COMPLETED)
        .hasSize(2);
  }

  @Test
  void aStream_canBeConsumedOnlyOnce() {
    ChatKitResult.Stream result = (ChatKitResult.Stream) chat.process(ALICE, create("Hi"));
    result.events().collect().asList().await().indefinitely();

    AssertSubscriber<ThreadEvent> again =
        result.events().subscribe().withSubscriber(AssertSubscriber.create(10));

    again.assertFailedWith(IllegalStateException.class);
    assertThat(chat.responder.inputs()).hasSize(1);
  }
}
