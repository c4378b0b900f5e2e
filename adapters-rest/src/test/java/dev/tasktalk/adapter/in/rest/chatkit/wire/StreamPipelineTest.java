package dev.tasktalk.adapter.in.rest.chatkit.wire;

import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.ALICE;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.create;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.request;
import static dev.tasktalk.application.testing.ScriptedResponder.turn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.UnavailableException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StreamPipelineTest {

  private final ChatKitWireFixture chat = new ChatKitWireFixture();

  private static JsonNode last(List<JsonNode> events) {
    return events.get(events.size() - 1);
  }

  @Test
  void aLongStreamedAnswer_isWrittenOnce_notPerDelta() {
    chat.responder.then(turn().text(Collections.nCopies(500, "word ").toArray(String[]::new)));

    List<JsonNode> events = chat.stream(ALICE, create("Talk"));

    assertThat(events).hasSizeGreaterThan(500);
    // One write for the user message, one for the finished answer.
    assertThat(chat.items.writes()).isEqualTo(2);
  }

  @Test
  void deltasWithDelays_arriveInOrder() {
    chat.responder.then(turn().text(Duration.ofMillis(5), "a", "b", "c"));

    List<JsonNode> events = chat.stream(ALICE, create("Slowly"));

    assertThat(
            events.stream()
                .map(e -> e.path("update").path("delta"))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue))
        .containsExactly("a", "b", "c");
  }

  @Test
  void aResponderFailure_becomesOneRetryableStreamError_andTheRunFails() {
    chat.responder.then(turn().text("Half").fail(new IllegalStateException("boom")));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));

    assertThat(last(events))
        .hasToString("{\"type\":\"error\",\"code\":\"stream.error\",\"allow_retry\":true}");
    assertThat(chat.store.runs().all())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.status()).isEqualTo(RunStatus.FAILED);
              assertThat(run.error()).isEqualTo("boom");
            });
  }

  @Test
  void aDomainFailure_showsItsMessage_retryableOnlyWhenTransient() {
    chat.responder.then(turn().fail(new UnavailableException("the model is not configured")));
    chat.responder.then(turn().fail(new InvalidInputException("x", "bad tool arguments")));

    JsonNode unavailable = last(chat.stream(ALICE, create("Hi")));
    JsonNode invalid = last(chat.stream(ALICE, create("Hi")));

    assertThat(unavailable)
        .hasToString(
            "{\"type\":\"error\",\"code\":\"custom\",\"message\":\"the model is not"
                + " configured\",\"allow_retry\":true}");
    assertThat(invalid)
        .hasToString(
            "{\"type\":\"error\",\"code\":\"custom\",\"message\":\"bad tool"
                + " arguments\",\"allow_retry\":false}");
  }

  @Test
  void aStoreFailureWhileSavingAnItem_becomesAnErrorEvent() {
    ItemId duplicate = ItemId.generate(ItemType.WIDGET);
    chat.responder.then(
        turn()
            .events(
                thread -> {
                  ThreadItem widget =
                      new ThreadItem(
                          duplicate,
                          thread,
                          ItemType.WIDGET,
                          ChatKitWireFixture.NOW,
                          "{\"widget\":{\"type\":\"Card\"}}");
                  return List.of(
                      new ThreadEvent.ItemDone(widget), new ThreadEvent.ItemDone(widget));
                }));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));

    assertThat(last(events).path("type").stringValue()).isEqualTo("error");
    assertThat(chat.store.runs().all()).extracting(Run::status).containsExactly(RunStatus.FAILED);
  }

  @Test
  void hiddenItems_areStoredButNeverSent() {
    chat.responder.then(turn().hiddenContext("secret context").text("Visible"));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));
    String threadId = events.get(0).path("thread").path("id").stringValue();

    assertThat(events.toString()).doesNotContain("secret context", "hidden_context_item");
    assertThat(chat.stored(ALICE, threadId))
        .extracting(ThreadItem::type)
        .contains(ItemType.HIDDEN_CONTEXT);
    JsonNode thread =
        chat.json(ALICE, request("threads.get_by_id", "{\"thread_id\":\"" + threadId + "\"}"));
    assertThat(thread.path("items").path("data")).hasSize(2);
    assertThat(thread.toString()).doesNotContain("secret context");
  }

  @Test
  void aTitleChange_isStored_andAnnouncedAsThreadUpdated() {
    chat.responder.then(turn().text("Answer").title("  Shopping list  "));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));
    String threadId = events.get(0).path("thread").path("id").stringValue();

    assertThat(last(events).toString())
        .isEqualTo(
            "{\"type\":\"thread.updated\",\"thread\":{\"id\":\""
                + threadId
                + "\",\"title\":\"Shopping"
                + " list\",\"created_at\":\"2026-11-22T10:00:00Z\",\"status\":{\"type\":\"active\"},"
                + "\"metadata\":{},\"items\":{\"data\":[],\"has_more\":false}}}");
    assertThat(
            chat.json(ALICE, request("threads.get_by_id", "{\"thread_id\":\"" + threadId + "\"}"))
                .path("title")
                .stringValue())
        .isEqualTo("Shopping list");
  }

  @Test
  void anOverlongTitle_isShortened_ratherThanFailingTheAnswer() {
    chat.responder.then(turn().title("x".repeat(500)));

    JsonNode updated = last(chat.stream(ALICE, create("Hi")));

    assertThat(updated.path("thread").path("title").stringValue()).hasSize(200);
  }

  @Test
  void removedAndReplacedItems_arePersisted_andPassedOn() {
    chat.responder.then(turn().widget("{\"type\":\"Card\"}", "one"));
    String threadId = chat.createThread(ALICE, "Hi");
    ThreadItem widget = chat.stored(ALICE, threadId).get(1);
    ThreadItem replacement =
        widget.withPayload(
            "{\"widget\":{\"type\":\"Card\",\"children\":[]},\"copy_text\":\"two\"}");
    chat.responder.then(
        turn()
            .event(new ThreadEvent.ItemReplaced(replacement))
            .event(new ThreadEvent.ItemRemoved(chat.stored(ALICE, threadId).get(0).id())));

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.custom_action",
                "{\"thread_id\":\"" + threadId + "\",\"action\":{\"type\":\"x\"}}"));

    assertThat(events)
        .extracting(e -> e.path("type").stringValue())
        .containsExactly("stream_options", "thread.item.replaced", "thread.item.removed");
    assertThat(chat.stored(ALICE, threadId)).containsExactly(replacement);
  }

  @Test
  void transientEvents_passThroughUnchanged() {
    chat.responder.then(
        turn()
            .event(new ThreadEvent.ClientEffect("highlight", "{\"i\":1}"))
            .event(new ThreadEvent.Notice("info", "Note **md**", "T"))
            .event(new ThreadEvent.ProgressUpdate(null, "Thinking")));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));

    assertThat(events.subList(3, 6))
        .extracting(JsonNode::toString)
        .containsExactly(
            "{\"type\":\"client_effect\",\"name\":\"highlight\",\"data\":{\"i\":1}}",
            "{\"type\":\"notice\",\"level\":\"info\",\"message\":\"Note **md**\",\"title\":\"T\"}",
            "{\"type\":\"progress_update\",\"text\":\"Thinking\"}");
  }

  @Test
  void workflowTasks_areAccumulatedWhilePending_andTheDoneItemIsStored() {
    chat.responder.then(
        turn()
            .workflow(
                "{\"type\":\"custom\",\"title\":\"Search\",\"status_indicator\":\"complete\"}"));

    String threadId = chat.createThread(ALICE, "Hi");

    assertThat(chat.stored(ALICE, threadId).get(1).payload()).contains("\"title\":\"Search\"");
  }

  @Test
  void stoppingAPendingWorkflow_doesNotStoreIt() {
    chat.responder.then(
        turn()
            .events(
                thread ->
                    List.of(
                        new ThreadEvent.ItemAdded(
                            new ThreadItem(
                                ItemId.generate(ItemType.WORKFLOW),
                                thread,
                                ItemType.WORKFLOW,
                                ChatKitWireFixture.NOW,
                                "{\"workflow\":{\"type\":\"custom\",\"tasks\":[]}}"))))
            .hang());
    var stream =
        chat.multi(ALICE, create("Hi"))
            .subscribe()
            .withSubscriber(
                io.smallrye.mutiny.helpers.test.AssertSubscriber.<ThreadEvent>create(
                    Long.MAX_VALUE));
    stream.awaitItems(4, Duration.ofSeconds(5));
    String threadId = ((ThreadEvent.ThreadCreated) stream.getItems().get(0)).thread().id().value();

    stream.cancel();

    assertThat(chat.stored(ALICE, threadId))
        .extracting(ThreadItem::type)
        .containsExactly(ItemType.USER_MESSAGE, ItemType.SDK_HIDDEN_CONTEXT);
  }
}
