package dev.tasktalk.adapter.in.rest.chatkit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadStatus;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatKitCodecTest {

  private static final UserId OWNER = new UserId("alice");
  private static final Instant AT = Instant.parse("2026-11-22T05:01:58.845174Z");
  private static final ThreadId THREAD = new ThreadId("thr_1");

  private final ChatKitCodec codec = new ChatKitCodec("");

  private static ThreadItem item(String id, ItemType type, String payload) {
    return new ThreadItem(new ItemId(id), THREAD, type, AT, payload);
  }

  private static ChatThread thread(String title, ThreadStatus status) {
    return ChatThread.restore(THREAD, OWNER, AT, title, status);
  }

  @Test
  void aThread_hasEmptyMetadata_omitsANullTitle_andUsesUtcTimestamps() {
    assertThat(codec.thread(thread(null, ThreadStatus.ACTIVE)))
        .isEqualTo(
            "{\"id\":\"thr_1\",\"created_at\":"
                + "\"2026-11-22T05:01:58.845174Z\",\"status\":{\"type\":\"active\"},\"metadata\":{},\"items\":{\"data\":[],\"has_more\":false}}");
    assertThat(codec.thread(thread("T", new ThreadStatus(ThreadStatus.Kind.LOCKED, "read only"))))
        .contains("\"title\":\"T\"", "\"status\":{\"type\":\"locked\",\"reason\":\"read only\"}");
  }

  @Test
  void anItem_isItsCommonFieldsThenItsPayload_withTopLevelNullsOmitted() {
    ThreadItem call =
        item(
            "tc_1",
            ItemType.CLIENT_TOOL_CALL,
            "{\"status\":\"pending\",\"call_id\":\"c\",\"name\":\"n\",\"arguments\":{\"k\":null},\"output\":null}");

    assertThat(codec.item(call))
        .isEqualTo(
            "{\"id\":\"tc_1\",\"thread_id\":\"thr_1\",\"created_at\":"
                + "\"2026-11-22T05:01:58.845174Z\",\"type\":\"client_tool_call\",\"status\":\"pending\",\"call_id\":\"c\","
                + "\"name\":\"n\",\"arguments\":{\"k\":null}}");
    assertThat(codec.item(item("eot_1", ItemType.END_OF_TURN, "{}")))
        .endsWith("\"type\":\"end_of_turn\"}");
  }

  @Test
  void hiddenItems_areRefused_andLeftOutOfPages_whoseCursorStillNamesTheLastStoredItem() {
    ThreadItem visible = item("msg_1", ItemType.ASSISTANT_MESSAGE, "{\"content\":[]}");
    ThreadItem hidden = item("hc_2", ItemType.HIDDEN_CONTEXT, "{\"content\":\"x\"}");

    assertThatThrownBy(() -> codec.item(hidden)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codec.event(new ThreadEvent.ItemDone(hidden)))
        .isInstanceOf(IllegalArgumentException.class);
    String page = codec.itemPage(new Page<>(List.of(visible, hidden), true));
    assertThat(page)
        .doesNotContain("hidden_context_item")
        .endsWith("],\"has_more\":true,\"after\":\"hc_2\"}");
  }

  @Test
  void attachments_linkToTheConfiguredBaseUrl() {
    ChatKitCodec absolute = new ChatKitCodec("https://chat.example.com/");
    Attachment image =
        new Attachment(
            new AttachmentId("atc_img1"), OWNER, "cat.png", "image/png", 3, THREAD, true, AT);
    Attachment file =
        new Attachment(
            new AttachmentId("atc_f1"), OWNER, "doc.pdf", "application/pdf", 3, null, false, AT);

    assertThat(absolute.attachment(image))
        .isEqualTo(
            "{\"id\":\"atc_img1\",\"name\":\"cat.png\",\"mime_type\":\"image/png\","
                + "\"type\":\"image\",\"preview_url\":\"https://chat.example.com/chatkit/attachments/atc_img1/content\",\"thread_id\":\"thr_1\"}");
    assertThat(codec.attachment(file))
        .isEqualTo(
            "{\"id\":\"atc_f1\",\"name\":\"doc.pdf\",\"mime_type\":\"application/pdf\","
                + "\"type\":\"file\",\"upload_descriptor\":{\"url\":\"/chatkit/attachments/atc_f1/upload\",\"method\":\"PUT\",\"headers\":{}}}");
  }

  @Test
  void nonStreamingResults_areTheirObjects_orAnEmptyOne() {
    ThreadItem widget = item("wid_1", ItemType.WIDGET, "{\"widget\":{\"type\":\"Card\"}}");
    Attachment uploaded =
        new Attachment(
            new AttachmentId("atc_img2"), OWNER, "cat.png", "image/png", 3, null, true, AT);

    assertThat(codec.body(new ChatKitResult.Empty())).isEqualTo("{}");
    assertThat(codec.body(new ChatKitResult.Transcription("hello")))
        .isEqualTo("{\"text\":\"hello\"}");
    assertThat(codec.body(new ChatKitResult.ActionResult(Optional.empty()))).isEqualTo("{}");
    assertThat(codec.body(new ChatKitResult.ActionResult(Optional.of(widget))))
        .isEqualTo("{\"updated_item\":" + codec.item(widget) + "}");
    assertThat(codec.body(new ChatKitResult.AttachmentResult(uploaded)))
        .isEqualTo(
            "{\"id\":\"atc_img2\","
                + "\"name\":\"cat.png\",\"mime_type\":\"image/png\",\"type\":\"image\","
                + "\"preview_url\":\"/chatkit/attachments/atc_img2/content\"}");
    assertThat(
            codec.body(
                new ChatKitResult.ThreadResult(
                    thread(null, ThreadStatus.ACTIVE), new Page<>(List.of(), false))))
        .isEqualTo(codec.thread(thread(null, ThreadStatus.ACTIVE)));
    assertThatThrownBy(
            () ->
                codec.body(new ChatKitResult.Stream(io.smallrye.mutiny.Multi.createFrom().empty())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyStreamEvent_hasTheProtocolsShape() {
    ThreadItem message = item("msg_a1", ItemType.ASSISTANT_MESSAGE, "{\"content\":[]}");
    String thread = codec.thread(thread("Generated title", ThreadStatus.ACTIVE));

    assertThat(codec.event(new ThreadEvent.ThreadCreated(thread(null, ThreadStatus.ACTIVE))))
        .startsWith("{\"type\":\"thread.created\",\"thread\":{\"id\":\"thr_1\"");
    assertThat(
            codec.event(
                new ThreadEvent.ThreadUpdated(thread("Generated title", ThreadStatus.ACTIVE))))
        .isEqualTo("{\"type\":\"thread.updated\",\"thread\":" + thread + "}");
    assertThat(codec.event(new ThreadEvent.ItemAdded(message)))
        .isEqualTo("{\"type\":\"thread.item.added\",\"item\":" + codec.item(message) + "}");
    assertThat(
            codec.event(
                new ThreadEvent.ItemUpdated(
                    new ItemId("msg_a1"),
                    "{\"type\":\"assistant_message.content_part.text_delta\",\n"
                        + " \"content_index\":0,\"delta\":\"Hel\\n"
                        + "lo\"}")))
        .isEqualTo(
            "{\"type\":\"thread.item.updated\",\"item_id\":\"msg_a1\",\"update\":{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\"Hel\\n"
                + "lo\"}}");
    assertThat(codec.event(new ThreadEvent.ItemDone(message)))
        .startsWith("{\"type\":\"thread.item.done\",\"item\":{");
    assertThat(codec.event(new ThreadEvent.ItemReplaced(message)))
        .startsWith("{\"type\":\"thread.item.replaced\",\"item\":{");
    assertThat(codec.event(new ThreadEvent.ItemRemoved(new ItemId("msg_a1"))))
        .isEqualTo("{\"type\":\"thread.item.removed\",\"item_id\":\"msg_a1\"}");
    assertThat(codec.event(new ThreadEvent.StreamOptions(true)))
        .isEqualTo("{\"type\":\"stream_options\",\"stream_options\":{\"allow_cancel\":true}}");
    assertThat(codec.event(new ThreadEvent.ProgressUpdate("search", "Searching...")))
        .isEqualTo("{\"type\":\"progress_update\",\"icon\":\"search\",\"text\":\"Searching...\"}");
    assertThat(codec.event(new ThreadEvent.ClientEffect("highlight", null)))
        .isEqualTo("{\"type\":\"client_effect\",\"name\":\"highlight\",\"data\":{}}");
    assertThat(codec.event(new ThreadEvent.Notice("warning", "Careful", null)))
        .isEqualTo("{\"type\":\"notice\",\"level\":\"warning\",\"message\":\"Careful\"}");
    assertThat(codec.event(ThreadEvent.Error.streamError(true)))
        .isEqualTo("{\"type\":\"error\",\"code\":\"stream.error\",\"allow_retry\":true}");
    assertThat(codec.event(ThreadEvent.Error.custom("Nope", false)))
        .isEqualTo(
            "{\"type\":\"error\",\"code\":\"custom\",\"message\":\"Nope\",\"allow_retry\":false}");
    assertThatThrownBy(() -> codec.event(new ThreadEvent.TitleChanged("t")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anSseFrame_isOneDataLine_endedByABlankLine() {
    String frame =
        codec.sse(
            new ThreadEvent.ItemUpdated(
                new ItemId("m_1"), "{\n\"type\":\"x\",\n\"delta\":\"a\\nb\"\n}"));

    assertThat(frame)
        .isEqualTo(
            "data: {\"type\":\"thread.item.updated\",\"item_id\":\"m_1\",\"update\":"
                + "{\"type\":\"x\",\"delta\":\"a\\nb\"}}\n\n");
    assertThat(frame.indexOf('\n')).isEqualTo(frame.length() - 2);
  }

  @Test
  void threadPages_carryACursorOnlyWhenMoreFollow() {
    assertThat(codec.threadPage(new Page<>(List.of(thread(null, ThreadStatus.ACTIVE)), true)))
        .endsWith("\"has_more\":true,\"after\":\"thr_1\"}");
    assertThat(codec.threadPage(new Page<>(List.of(), false)))
        .isEqualTo("{\"data\":[],\"has_more\":false}");
  }
}
