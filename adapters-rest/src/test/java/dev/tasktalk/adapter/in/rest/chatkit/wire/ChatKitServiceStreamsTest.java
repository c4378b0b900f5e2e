package dev.tasktalk.adapter.in.rest.chatkit.wire;

import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.ALICE;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.addMessage;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.create;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.request;
import static dev.tasktalk.application.testing.ScriptedResponder.turn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.run.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatKitServiceStreamsTest {

  private final ChatKitWireFixture chat = new ChatKitWireFixture();

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.path("type").stringValue()).toList();
  }

  @Test
  void create_emitsThreadCreated_userMessage_streamOptions_thenTheAnswer() {
    chat.responder.then(
        turn().progress("search", "Searching...").text("Hel", "lo").title("Greeting"));

    List<JsonNode> events = chat.stream(ALICE, create("Hi"));

    assertThat(types(events))
        .containsExactly(
            "thread.created",
            "thread.item.done",
            "stream_options",
            "progress_update",
            "thread.item.added",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.done",
            "thread.updated");
    JsonNode thread = events.get(0).path("thread");
    String threadId = thread.path("id").stringValue();
    assertThat(thread.toString())
        .isEqualTo(
            "{\"id\":\""
                + threadId
                + "\",\"created_at\":\"2026-11-22T10:00:00Z\","
                + "\"status\":{\"type\":\"active\"},\"metadata\":{},\"items\":{\"data\":[],\"has_more\":false}}");
    JsonNode user = events.get(1).path("item");
    assertThat(user.path("type").stringValue()).isEqualTo("user_message");
    assertThat(user.path("thread_id").stringValue()).isEqualTo(threadId);
    assertThat(user.path("content").toString())
        .isEqualTo("[{\"type\":\"input_text\",\"text\":\"Hi\"}]");
    assertThat(user.path("quoted_text").stringValue()).isEmpty();
    assertThat(user.path("attachments").toString()).isEqualTo("[]");
    assertThat(user.path("inference_options").toString()).isEqualTo("{}");
    assertThat(events.get(2).toString())
        .isEqualTo("{\"type\":\"stream_options\",\"stream_options\":{\"allow_cancel\":true}}");
    assertThat(events.get(9).path("item").path("content").get(0).path("text").stringValue())
        .isEqualTo("Hello");
    assertThat(events.get(10).path("thread").path("title").stringValue()).isEqualTo("Greeting");
    for (JsonNode event : events.subList(1, events.size())) {
      JsonNode item = event.path("item");
      if (!item.isMissingNode()) {
        assertThat(item.path("thread_id").stringValue()).isEqualTo(threadId);
      }
    }
  }

  @Test
  void create_storesTheMessageBeforeCallingTheResponder_andTheAnswerAtItemBoundaries() {
    String threadId = chat.createThread(ALICE, "Hi");

    List<ThreadItem> stored = chat.stored(ALICE, threadId);
    assertThat(stored)
        .extracting(ThreadItem::type)
        .containsExactly(ItemType.USER_MESSAGE, ItemType.ASSISTANT_MESSAGE);
    assertThat(chat.responder.inputs())
        .singleElement()
        .satisfies(
            input -> {
              assertThat(input.userMessage()).contains(stored.get(0));
              assertThat(input.history()).containsExactly(stored.get(0));
            });
    assertThat(chat.store.runs().all())
        .singleElement()
        .satisfies(run -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED));
  }

  @Test
  void addUserMessage_startsWithTheUserMessageThenStreamOptions() {
    String threadId = chat.createThread(ALICE, "Hi");
    chat.responder.then(turn().text("Again"));

    List<JsonNode> events = chat.stream(ALICE, addMessage(threadId, "More"));

    assertThat(types(events))
        .startsWith("thread.item.done", "stream_options")
        .doesNotContain("thread.created");
    assertThat(events.get(0).path("item").path("content").get(0).path("text").stringValue())
        .isEqualTo("More");
    assertThat(chat.responder.inputs().get(1).history()).hasSize(3);
  }

  @Test
  void addUserMessage_echoesTagsQuotedTextAndInferenceOptions() {
    String threadId = chat.createThread(ALICE, "Hi");

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.add_user_message",
                "{\"thread_id\":\""
                    + threadId
                    + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"},{\"type\":\"input_tag\",\"id\":\"e1\","
                    + "\"text\":\"Alice\",\"data\":{\"k\":\"v\"},\"interactive\":true,\"extra\":1}],\"attachments\":[],"
                    + "\"quoted_text\":\"earlier\",\"inference_options\":{\"tool_choice\":{\"id\":\"search\"},\"model\":\"gpt-x\"}}}"));

    JsonNode item = events.get(0).path("item");
    assertThat(item.path("content").toString())
        .isEqualTo(
            "[{\"type\":\"input_text\",\"text\":\"Hi\"},"
                + "{\"type\":\"input_tag\",\"id\":\"e1\",\"text\":\"Alice\",\"data\":{\"k\":\"v\"},\"interactive\":true}]");
    assertThat(item.path("quoted_text").stringValue()).isEqualTo("earlier");
    assertThat(item.path("inference_options").toString())
        .isEqualTo("{\"tool_choice\":{\"id\":\"search\"},\"model\":\"gpt-x\"}");
  }

  @Test
  void userMessage_withAnUploadedImage_carriesItBoundToTheThread() {
    String threadId = chat.createThread(ALICE, "Hi");
    var image = chat.uploaded(ALICE, "cat.png", "image/png");

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.add_user_message",
                "{\"thread_id\":\""
                    + threadId
                    + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"Look\"}],\"attachments\":[\""
                    + image.id()
                    + "\"],\"inference_options\":{}}}"));

    assertThat(events.get(0).path("item").path("attachments").toString())
        .isEqualTo(
            "[{\"id\":\""
                + image.id()
                + "\",\"name\":\"cat.png\",\"mime_type\":\"image/png\",\"type\":\"image\",\"preview_url\":\"/chatkit/attachments/"
                + image.id()
                + "/content\",\"thread_id\":\""
                + threadId
                + "\"}]");
    assertThat(chat.store.attachments().find(ALICE, image.id()).orElseThrow().threadId().value())
        .isEqualTo(threadId);
  }

  @Test
  void retry_deletesEverythingAfterTheUserMessage_andAnswersItAgain() {
    String threadId = chat.createThread(ALICE, "First");
    chat.stream(ALICE, addMessage(threadId, "Second"));
    ThreadItem first = chat.stored(ALICE, threadId).get(0);
    chat.responder.then(turn().text("Fresh"));

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.retry_after_item",
                "{\"thread_id\":\"" + threadId + "\",\"item_id\":\"" + first.id() + "\"}"));

    assertThat(types(events))
        .containsExactly(
            "stream_options",
            "thread.item.added",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.done");
    List<ThreadItem> stored = chat.stored(ALICE, threadId);
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0)).isEqualTo(first);
    assertThat(ChatKitWireFixture.assistantText(stored.get(1))).isEqualTo("Fresh");
    assertThat(chat.responder.inputs().get(2).userMessage()).contains(first);
  }

  @Test
  void clientToolOutput_completesThePendingCall_withoutAnEventForIt_thenContinues() {
    chat.responder.then(turn().clientToolCall("get_location", "{\"precise\":true}"));
    String threadId = chat.createThread(ALICE, "Where am I?");
    chat.responder.then(turn().text("You are home"));

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.add_client_tool_output",
                "{\"thread_id\":\"" + threadId + "\",\"result\":{\"city\":\"Paris\"}}"));

    assertThat(types(events)).first().isEqualTo("stream_options");
    assertThat(types(events)).doesNotContain("thread.item.replaced");
    JsonNode call =
        chat.json(
                ALICE,
                request("items.list", "{\"thread_id\":\"" + threadId + "\",\"order\":\"asc\"}"))
            .path("data")
            .get(1);
    assertThat(call.path("type").stringValue()).isEqualTo("client_tool_call");
    assertThat(call.path("status").stringValue()).isEqualTo("completed");
    assertThat(call.path("output").toString()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(chat.responder.inputs().get(1).userMessage()).isEmpty();
  }

  @Test
  void clientToolOutput_findsThePendingCallEvenWhenAHiddenItemFollowsIt() {
    chat.responder.then(turn().clientToolCall("get_location", "{}").hiddenContext("note"));
    String threadId = chat.createThread(ALICE, "Where am I?");

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.add_client_tool_output",
                "{\"thread_id\":\"" + threadId + "\",\"result\":null}"));

    assertThat(types(events)).startsWith("stream_options");
    assertThat(chat.stored(ALICE, threadId))
        .filteredOn(i -> i.type() == ItemType.CLIENT_TOOL_CALL)
        .singleElement()
        .satisfies(
            i -> assertThat(i.payload()).contains("\"status\":\"completed\"", "\"output\":null"));
  }

  @Test
  void structuredInput_replacesTheItemWithAnswers_truncatingSingleChoice_andSkippingOmitted() {
    chat.responder.then(
        turn()
            .structuredInput(
                "[{\"id\":\"q1\",\"question\":\"Pick\",\"type\":\"multiple_choice\","
                    + "\"options\":[{\"value\":\"A\"},{\"value\":\"B\"}],\"multiple\":false},"
                    + "{\"id\":\"q2\",\"question\":\"Notes?\",\"type\":\"freeform\"},"
                    + "{\"id\":\"q3\",\"question\":\"Tags\",\"type\":\"multiple_choice\",\"options\":[{\"value\":\"x\"},{\"value\":\"y\"}],\"multiple\":true}]"));
    String threadId = chat.createThread(ALICE, "Ask me");
    ThreadItem pending = chat.stored(ALICE, threadId).get(1);

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.add_structured_input",
                "{\"thread_id\":\""
                    + threadId
                    + "\",\"item_id\":\""
                    + pending.id()
                    + "\",\"input\":{\"answers\":{\"q1\":{\"values\":[\"A\",\"B\"]},"
                    + "\"q3\":{\"values\":[\"x\",\"y\"]},\"zz\":{\"values\":[\"ignored\"]}}}}"));

    assertThat(types(events)).startsWith("stream_options", "thread.item.replaced");
    JsonNode replaced = events.get(1).path("item");
    assertThat(replaced.path("status").stringValue()).isEqualTo("answered");
    assertThat(replaced.path("inputs").get(0).path("answer").toString())
        .isEqualTo("{\"values\":[\"A\"],\"skipped\":false}");
    assertThat(replaced.path("inputs").get(1).path("answer").toString())
        .isEqualTo("{\"values\":[],\"skipped\":true}");
    assertThat(replaced.path("inputs").get(2).path("answer").toString())
        .isEqualTo("{\"values\":[\"x\",\"y\"],\"skipped\":false}");
    assertThat(
            chat.store
                .items()
                .find(ALICE, pending.threadId(), pending.id())
                .orElseThrow()
                .payload())
        .contains("\"status\":\"answered\"");
  }

  @Test
  void structuredInput_skippedAsAWhole_skipsEveryQuestion() {
    chat.responder.then(
        turn().structuredInput("[{\"id\":\"q1\",\"question\":\"Notes?\",\"type\":\"freeform\"}]"));
    String threadId = chat.createThread(ALICE, "Ask me");
    ThreadItem pending = chat.stored(ALICE, threadId).get(1);

    JsonNode replaced =
        chat.stream(
                ALICE,
                request(
                    "threads.add_structured_input",
                    "{\"thread_id\":\""
                        + threadId
                        + "\",\"item_id\":\""
                        + pending.id()
                        + "\",\"input\":{\"status\":\"skipped\",\"answers\":{\"q1\":{\"values\":[\"hi\"]}}}}"))
            .get(1)
            .path("item");

    assertThat(replaced.path("status").stringValue()).isEqualTo("skipped");
    assertThat(replaced.path("inputs").get(0).path("answer").path("skipped").booleanValue())
        .isTrue();
  }

  @Test
  void customAction_fromAWidget_streamsTheResponderActionAfterStreamOptions() {
    chat.responder.then(turn().widget("{\"type\":\"Card\",\"children\":[]}", "Card"));
    String threadId = chat.createThread(ALICE, "Show a card");
    ThreadItem widget = chat.stored(ALICE, threadId).get(1);
    chat.responder.then(turn().text("Clicked"));

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.custom_action",
                "{\"thread_id\":\""
                    + threadId
                    + "\",\"item_id\":\""
                    + widget.id()
                    + "\",\"action\":{\"type\":\"confirm\",\"payload\":{\"id\":7},\"handler\":\"server\"}}"));

    assertThat(types(events))
        .startsWith("stream_options", "thread.item.added")
        .endsWith("thread.item.done");
    assertThat(chat.responder.actions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.type()).isEqualTo("confirm");
              assertThat(action.payload()).isEqualTo("{\"id\":7}");
              assertThat(action.sender()).contains(widget);
            });
  }

  @Test
  void customAction_withoutSender_passesNoWidget() {
    String threadId = chat.createThread(ALICE, "Hi");

    chat.stream(
        ALICE,
        request(
            "threads.custom_action",
            "{\"thread_id\":\"" + threadId + "\",\"action\":{\"type\":\"refresh\"}}"));

    assertThat(chat.responder.actions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.sender()).isEmpty();
              assertThat(action.payload()).isEqualTo("null");
            });
  }

  @Test
  void customAction_fromAnItemThatIsNotAWidget_isOneErrorEventWithoutStreamOptions() {
    String threadId = chat.createThread(ALICE, "Hi");
    ThreadItem user = chat.stored(ALICE, threadId).get(0);

    List<JsonNode> events =
        chat.stream(
            ALICE,
            request(
                "threads.custom_action",
                "{\"thread_id\":\""
                    + threadId
                    + "\",\"item_id\":\""
                    + user.id()
                    + "\",\"action\":{\"type\":\"x\"}}"));

    assertThat(events)
        .singleElement()
        .hasToString("{\"type\":\"error\",\"code\":\"stream.error\",\"allow_retry\":false}");
    assertThat(chat.responder.actions()).isEmpty();
  }
}
