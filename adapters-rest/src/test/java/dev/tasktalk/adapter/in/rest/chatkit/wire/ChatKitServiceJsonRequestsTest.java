package dev.tasktalk.adapter.in.rest.chatkit.wire;

import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.ALICE;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.addMessage;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.request;
import static dev.tasktalk.application.testing.ScriptedResponder.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatKitServiceJsonRequestsTest {

  private final ChatKitWireFixture chat = new ChatKitWireFixture();

  private static List<String> ids(JsonNode page) {
    return page.path("data").valueStream().map(n -> n.path("id").stringValue()).toList();
  }

  private static String field(Throwable e) {
    return ((InvalidInputException) e).field();
  }

  @Test
  void getById_isTheThreadWithItsOldestItemsFirst_metadataEmpty_nullsOmitted() {
    String thread = chat.createThread(ALICE, "Hi");
    List<ThreadItem> stored = chat.stored(ALICE, thread);

    JsonNode json =
        chat.json(ALICE, request("threads.get_by_id", "{\"thread_id\":\"" + thread + "\"}"));

    assertThat(json.propertyNames())
        .containsExactly("id", "created_at", "status", "metadata", "items");
    assertThat(json.path("metadata").toString()).isEqualTo("{}");
    assertThat(json.path("items").toString())
        .startsWith(
            "{\"data\":[{\"id\":\""
                + stored.get(0).id()
                + "\",\"thread_id\":\""
                + thread
                + "\",\"created_at\":\"2026-11-22T10:00:00Z\",\"type\":\"user_message\"");
    assertThat(ids(json.path("items")))
        .containsExactly(stored.get(0).id().value(), stored.get(1).id().value());
    assertThat(json.path("items").path("has_more").booleanValue()).isFalse();
    assertThat(json.path("items").has("after")).isFalse();
  }

  @Test
  void getById_showsTheFirstTwentyWithACursor_hiddenOnesTakingSlots() {
    chat.responder.then(turn().hiddenContext("h").text("a"));
    String thread = chat.createThread(ALICE, "Hi");
    for (int i = 0; i < 9; i++) {
      chat.stream(ALICE, addMessage(thread, "m" + i));
    }

    JsonNode items =
        chat.json(ALICE, request("threads.get_by_id", "{\"thread_id\":\"" + thread + "\"}"))
            .path("items");

    assertThat(items.path("data")).hasSize(19);
    assertThat(items.path("has_more").booleanValue()).isTrue();
    assertThat(items.path("after").stringValue())
        .isEqualTo(chat.stored(ALICE, thread).get(19).id().value());
  }

  @Test
  void threadsList_isNewestFirstByDefault_pagedByCursor_withEmptyItems() {
    chat.responder.then(turn().title("First"));
    String first = chat.createThread(ALICE, "1");
    String second = chat.createThread(ALICE, "2");
    String third = chat.createThread(ALICE, "3");
    // Same timestamp from the fixed clock: the order falls back to ids, as the database does.
    List<String> newestFirst = ids(chat.json(ALICE, request("threads.list", "{\"limit\":100}")));

    JsonNode page = chat.json(ALICE, request("threads.list", "{\"limit\":2}"));
    JsonNode next =
        chat.json(
            ALICE,
            request(
                "threads.list",
                "{\"limit\":2,\"after\":\"" + page.path("after").stringValue() + "\"}"));

    assertThat(newestFirst).containsExactlyInAnyOrder(first, second, third);
    assertThat(ids(page)).containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(page.path("has_more").booleanValue()).isTrue();
    assertThat(page.path("after").stringValue()).isEqualTo(newestFirst.get(1));
    assertThat(ids(next)).containsExactly(newestFirst.get(2));
    assertThat(next.has("after")).isFalse();
    assertThat(page.path("data").get(0).path("items").toString())
        .isEqualTo("{\"data\":[],\"has_more\":false}");
    assertThat(ids(chat.json(ALICE, request("threads.list", "{\"order\":\"asc\",\"limit\":100}"))))
        .containsExactly(newestFirst.get(2), newestFirst.get(1), newestFirst.get(0));
  }

  @Test
  void listsWithAnUnknownCursor_areInvalid() {
    String thread = chat.createThread(ALICE, "Hi");
    assertThatThrownBy(
            () -> chat.json(ALICE, request("threads.list", "{\"after\":\"thr_0000000000000000\"}")))
        .isInstanceOf(InvalidInputException.class)
        .extracting(ChatKitServiceJsonRequestsTest::field)
        .isEqualTo("params.after");
    assertThatThrownBy(
            () ->
                chat.json(
                    ALICE,
                    request(
                        "items.list",
                        "{\"thread_id\":\"" + thread + "\",\"after\":\"msg_0000000000000000\"}")))
        .isInstanceOf(InvalidInputException.class)
        .extracting(ChatKitServiceJsonRequestsTest::field)
        .isEqualTo("params.after");
  }

  @Test
  void itemsList_isNewestFirstByDefault_andFiltersHiddenItemsAfterPaginating() {
    chat.responder.then(turn().text("a").hiddenContext("secret"));
    String thread = chat.createThread(ALICE, "Hi");
    List<ThreadItem> stored = chat.stored(ALICE, thread);

    JsonNode page =
        chat.json(ALICE, request("items.list", "{\"thread_id\":\"" + thread + "\",\"limit\":2}"));

    assertThat(ids(page)).containsExactly(stored.get(1).id().value());
    assertThat(page.path("has_more").booleanValue()).isTrue();
    assertThat(page.path("after").stringValue()).isEqualTo(stored.get(1).id().value());
    assertThat(
            ids(
                chat.json(
                    ALICE,
                    request(
                        "items.list",
                        "{\"thread_id\":\""
                            + thread
                            + "\",\"limit\":2,\"after\":\""
                            + stored.get(1).id()
                            + "\"}"))))
        .containsExactly(stored.get(0).id().value());
    JsonNode asc =
        chat.json(
            ALICE,
            request(
                "items.list", "{\"thread_id\":\"" + thread + "\",\"order\":\"asc\",\"limit\":3}"));
    assertThat(ids(asc)).containsExactly(stored.get(0).id().value(), stored.get(1).id().value());
    assertThat(asc.has("after")).isFalse();
  }

  @Test
  void threadsUpdate_renames_andAnswersTheThread() {
    String thread = chat.createThread(ALICE, "Hi");

    JsonNode json =
        chat.json(
            ALICE,
            request("threads.update", "{\"thread_id\":\"" + thread + "\",\"title\":\" Plans \"}"));

    assertThat(json.toString())
        .isEqualTo(
            "{\"id\":\""
                + thread
                + "\",\"title\":\"Plans\",\"created_at\":"
                + "\"2026-11-22T10:00:00Z\",\"status\":{\"type\":\"active\"},\"metadata\":{},\"items\":{\"data\":[],\"has_more\":false}}");
    assertThat(chat.store.threads().find(ALICE, new ThreadId(thread)).orElseThrow().title())
        .contains("Plans");
  }

  @Test
  void threadsDelete_answersEmptyObject_andTheThreadIsGone() {
    String thread = chat.createThread(ALICE, "Hi");

    assertThat(
            chat.json(ALICE, request("threads.delete", "{\"thread_id\":\"" + thread + "\"}"))
                .toString())
        .isEqualTo("{}");

    assertThatThrownBy(
            () ->
                chat.json(
                    ALICE, request("threads.get_by_id", "{\"thread_id\":\"" + thread + "\"}")))
        .isInstanceOf(ThreadNotFoundException.class);
    assertThatThrownBy(
            () -> chat.json(ALICE, request("threads.delete", "{\"thread_id\":\"" + thread + "\"}")))
        .isInstanceOf(ThreadNotFoundException.class);
  }

  @Test
  void feedback_isStored_andAnswersEmptyObject() {
    String thread = chat.createThread(ALICE, "Hi");
    ThreadItem answer = chat.stored(ALICE, thread).get(1);

    JsonNode json =
        chat.json(
            ALICE,
            request(
                "items.feedback",
                "{\"thread_id\":\""
                    + thread
                    + "\",\"item_ids\":[\""
                    + answer.id()
                    + "\",\""
                    + answer.id()
                    + "\"],\"kind\":\"positive\"}"));

    assertThat(json.toString()).isEqualTo("{}");
    assertThat(chat.store.feedback().stored())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.items()).containsExactly(answer.id());
              assertThat(f.kind()).isEqualTo("positive");
              assertThat(f.at()).isEqualTo(ChatKitWireFixture.NOW);
            });
  }

  @Test
  void attachmentsCreate_forAnImage_hasPreviewAndUploadDescriptor_andIsStoredNotUploaded() {
    JsonNode json =
        chat.json(
            ALICE,
            request(
                "attachments.create",
                "{\"name\":\"cat.png\",\"size\":1024,\"mime_type\":\"image/png\"}"));

    String id = json.path("id").stringValue();
    assertThat(json.toString())
        .isEqualTo(
            "{\"id\":\""
                + id
                + "\",\"name\":\"cat.png\",\"mime_type\":\"image/png\","
                + "\"type\":\"image\",\"preview_url\":\"/chatkit/attachments/"
                + id
                + "/content\",\"upload_descriptor\":"
                + "{\"url\":\"/chatkit/attachments/"
                + id
                + "/upload\",\"method\":\"PUT\",\"headers\":{}}}");
    assertThat(chat.store.attachments().find(ALICE, new AttachmentId(id)).orElseThrow().uploaded())
        .isFalse();
  }

  @Test
  void attachmentsCreate_forAFile_hasNoPreview() {
    JsonNode json =
        chat.json(
            ALICE,
            request(
                "attachments.create",
                "{\"name\":\"doc.pdf\",\"size\":10,\"mime_type\":\"application/pdf\"}"));

    assertThat(json.propertyNames())
        .containsExactly("id", "name", "mime_type", "type", "upload_descriptor");
    assertThat(json.path("type").stringValue()).isEqualTo("file");
  }

  @Test
  void attachmentsCreate_refusesBadNamesSizesAndTypes_namingTheField() {
    String[][] cases = {
      {"{\"name\":\"\",\"size\":10,\"mime_type\":\"text/plain\"}", "params.name"},
      {
        "{\"name\":\"" + "n".repeat(256) + "\",\"size\":10,\"mime_type\":\"text/plain\"}",
        "params.name"
      },
      {"{\"name\":\"a.txt\",\"size\":0,\"mime_type\":\"text/plain\"}", "params.size"},
      {
        "{\"name\":\"a.txt\",\"size\":"
            + (10L * 1024 * 1024 + 1)
            + ",\"mime_type\":\"text/plain\"}",
        "params.size"
      },
      {
        "{\"name\":\"a.exe\",\"size\":10,\"mime_type\":\"application/x-msdownload\"}",
        "params.mime_type"
      },
      {"{\"name\":\"a.svg\",\"size\":10,\"mime_type\":\"image/svg+xml\"}", "params.mime_type"},
      {"{\"name\":\"a.txt\",\"mime_type\":\"text/plain\"}", "params.size"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> chat.json(ALICE, request("attachments.create", c[0])))
          .as(c[0])
          .isInstanceOf(InvalidInputException.class)
          .extracting(ChatKitServiceJsonRequestsTest::field)
          .isEqualTo(c[1]);
    }
  }

  @Test
  void attachmentsDelete_answersEmptyObject_thenNotFound() {
    var attachment = chat.uploaded(ALICE, "a.txt", "text/plain");
    String delete =
        request("attachments.delete", "{\"attachment_id\":\"" + attachment.id() + "\"}");

    assertThat(chat.json(ALICE, delete).toString()).isEqualTo("{}");
    assertThatThrownBy(() -> chat.json(ALICE, delete))
        .isInstanceOf(AttachmentNotFoundException.class);
  }

  @Test
  void transcribe_decodesTheAudio_andAnswersText() {
    String audio = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});

    JsonNode json =
        chat.json(
            ALICE,
            request(
                "input.transcribe",
                "{\"audio_base64\":\"" + audio + "\",\"mime_type\":\"audio/webm;codecs=opus\"}"));

    assertThat(json.toString()).isEqualTo("{\"text\":\"heard 4 bytes of audio/webm;codecs=opus\"}");
  }

  @Test
  void transcribe_refusesBadBase64AndNonAudio() {
    assertThatThrownBy(
            () ->
                chat.json(
                    ALICE,
                    request(
                        "input.transcribe",
                        "{\"audio_base64\":\"@@not base64@@\",\"mime_type\":\"audio/mp4\"}")))
        .isInstanceOf(InvalidInputException.class)
        .extracting(ChatKitServiceJsonRequestsTest::field)
        .isEqualTo("params.audio_base64");
    assertThatThrownBy(
            () ->
                chat.json(
                    ALICE,
                    request(
                        "input.transcribe",
                        "{\"audio_base64\":\"AQID\",\"mime_type\":\"image/png\"}")))
        .isInstanceOf(InvalidInputException.class)
        .extracting(ChatKitServiceJsonRequestsTest::field)
        .isEqualTo("params.mime_type");
  }

  @Test
  void syncCustomAction_answersTheUpdatedItem_andStoresIt() {
    chat.responder.then(turn().widget("{\"type\":\"Card\",\"children\":[]}", "Hi"));
    String thread = chat.createThread(ALICE, "Card please");
    ThreadItem widget = chat.stored(ALICE, thread).get(1);
    ThreadItem updated =
        widget.withPayload(
            "{\"widget\":{\"type\":\"Card\",\"children\":[{\"type\":\"Text\",\"value\":\"sync\"}]},\"copy_text\":\"Hi\"}");
    chat.responder.answerSyncActionsWith(action -> Optional.of(updated));

    JsonNode json =
        chat.json(
            ALICE,
            request(
                "threads.sync_custom_action",
                "{\"thread_id\":\""
                    + thread
                    + "\",\"item_id\":\""
                    + widget.id()
                    + "\",\"action\":{\"type\":\"toggle\",\"payload\":{\"on\":true}}}"));

    assertThat(json.toString())
        .isEqualTo(
            "{\"updated_item\":{\"id\":\""
                + widget.id()
                + "\",\"thread_id\":\""
                + thread
                + "\",\"created_at\":\"2026-11-22T10:00:00Z\",\"type\":\"widget\",\"widget\":{\"type\":\"Card\",\"children\":"
                + "[{\"type\":\"Text\",\"value\":\"sync\"}]},\"copy_text\":\"Hi\"}}");
    assertThat(chat.stored(ALICE, thread).get(1)).isEqualTo(updated);
    assertThat(chat.responder.actions().get(0).payload()).isEqualTo("{\"on\":true}");
  }

  @Test
  void noRequestEverShowsHiddenItems() {
    chat.responder.then(turn().hiddenContext("secret-1").text("ok"));
    String thread = chat.createThread(ALICE, "Hi");
    assertThat(chat.stored(ALICE, thread))
        .extracting(ThreadItem::type)
        .contains(ItemType.HIDDEN_CONTEXT);
    String hidden = chat.stored(ALICE, thread).get(1).id().value();

    String everything =
        chat.json(ALICE, request("threads.get_by_id", "{\"thread_id\":\"" + thread + "\"}"))
                .toString()
            + chat.json(
                ALICE, request("items.list", "{\"thread_id\":\"" + thread + "\",\"limit\":100}"))
            + chat.json(
                ALICE,
                request("items.list", "{\"thread_id\":\"" + thread + "\",\"order\":\"asc\"}"));

    assertThat(everything).doesNotContain("secret-1", "hidden_context_item", hidden);
    assertThatThrownBy(
            () ->
                chat.json(
                    ALICE,
                    request(
                        "items.feedback",
                        "{\"thread_id\":\""
                            + thread
                            + "\",\"item_ids\":[\""
                            + hidden
                            + "\"],\"kind\":\"positive\"}")))
        .isInstanceOf(dev.tasktalk.domain.item.ItemNotFoundException.class);
  }
}
