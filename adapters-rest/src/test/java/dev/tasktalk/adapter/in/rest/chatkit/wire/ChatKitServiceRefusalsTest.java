package dev.tasktalk.adapter.in.rest.chatkit.wire;

import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.ALICE;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.BOB;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.addMessage;
import static dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitWireFixture.request;
import static dev.tasktalk.application.testing.ScriptedResponder.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.item.ItemNotFoundException;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal happens before a stream is handed out, and leaves nothing behind. */
class ChatKitServiceRefusalsTest {

  private final ChatKitWireFixture chat = new ChatKitWireFixture();
  private String thread;
  private ThreadItem user;
  private ThreadItem answer;

  @BeforeEach
  void aliceHasAThread() {
    thread = chat.createThread(ALICE, "Hi");
    List<ThreadItem> stored = chat.stored(ALICE, thread);
    user = stored.get(0);
    answer = stored.get(1);
  }

  private void refusedWithNothingWritten(
      ThrowingCallable call, Class<? extends Exception> kind, String field) {
    int writes = chat.items.writes();
    int runs = chat.store.runs().all().size();
    var refusal = assertThatThrownBy(call).isInstanceOf(kind);
    if (field != null) {
      refusal.extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }
    assertThat(chat.items.writes()).isEqualTo(writes);
    assertThat(chat.store.runs().all()).hasSize(runs);
  }

  @Test
  void anotherUsersThread_isNotFound_forEveryRequest() {
    String[] requests = {
      addMessage(thread, "intrude"),
      request("threads.get_by_id", "{\"thread_id\":\"" + thread + "\"}"),
      request("threads.update", "{\"thread_id\":\"" + thread + "\",\"title\":\"x\"}"),
      request("threads.delete", "{\"thread_id\":\"" + thread + "\"}"),
      request("items.list", "{\"thread_id\":\"" + thread + "\"}"),
      request(
          "items.feedback",
          "{\"thread_id\":\""
              + thread
              + "\",\"item_ids\":[\""
              + answer.id()
              + "\"],\"kind\":\"positive\"}"),
      request(
          "threads.retry_after_item",
          "{\"thread_id\":\"" + thread + "\",\"item_id\":\"" + user.id() + "\"}"),
      request(
          "threads.custom_action",
          "{\"thread_id\":\"" + thread + "\",\"action\":{\"type\":\"x\"}}"),
      request(
          "threads.sync_custom_action",
          "{\"thread_id\":\"" + thread + "\",\"action\":{\"type\":\"x\"}}"),
      request("threads.add_client_tool_output", "{\"thread_id\":\"" + thread + "\",\"result\":{}}"),
      request(
          "threads.add_structured_input",
          "{\"thread_id\":\"" + thread + "\",\"item_id\":\"" + answer.id() + "\",\"input\":{}}"),
    };
    for (String request : requests) {
      refusedWithNothingWritten(
          () -> chat.process(BOB, request), ThreadNotFoundException.class, null);
    }
    assertThat(
            chat.json(ALICE, request("threads.get_by_id", "{\"thread_id\":\"" + thread + "\"}"))
                .path("items")
                .path("data"))
        .hasSize(2);
  }

  @Test
  void unknownThread_isNotFound() {
    refusedWithNothingWritten(
        () -> chat.process(ALICE, addMessage("thr_0000000000000000", "x")),
        ThreadNotFoundException.class,
        null);
    refusedWithNothingWritten(
        () -> chat.process(ALICE, addMessage("not a valid id!", "x")),
        ThreadNotFoundException.class,
        null);
  }

  @Test
  void unknownItems_areNotFound() {
    String missing = "msg_0000000000000000";
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.retry_after_item",
                    "{\"thread_id\":\"" + thread + "\",\"item_id\":\"" + missing + "\"}")),
        ItemNotFoundException.class,
        null);
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.custom_action",
                    "{\"thread_id\":\""
                        + thread
                        + "\",\"item_id\":\""
                        + missing
                        + "\",\"action\":{\"type\":\"x\"}}")),
        ItemNotFoundException.class,
        null);
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.add_structured_input",
                    "{\"thread_id\":\""
                        + thread
                        + "\",\"item_id\":\""
                        + missing
                        + "\",\"input\":{}}")),
        ItemNotFoundException.class,
        null);
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "items.feedback",
                    "{\"thread_id\":\""
                        + thread
                        + "\",\"item_ids\":[\""
                        + answer.id()
                        + "\",\""
                        + missing
                        + "\"],\"kind\":\"negative\"}")),
        ItemNotFoundException.class,
        null);
    assertThat(chat.store.feedback().stored()).isEmpty();
  }

  @Test
  void retryingSomethingOtherThanAUserMessage_isInvalid() {
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.retry_after_item",
                    "{\"thread_id\":\"" + thread + "\",\"item_id\":\"" + answer.id() + "\"}")),
        InvalidInputException.class,
        "params.item_id");
  }

  @Test
  void toolOutputWithoutAPendingCall_isInvalid() {
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.add_client_tool_output",
                    "{\"thread_id\":\"" + thread + "\",\"result\":{}}")),
        InvalidInputException.class,
        "params.thread_id");
  }

  @Test
  void answersToAnItemThatIsNotAPendingStructuredInput_areInvalid() {
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.add_structured_input",
                    "{\"thread_id\":\""
                        + thread
                        + "\",\"item_id\":\""
                        + answer.id()
                        + "\",\"input\":{}}")),
        InvalidInputException.class,
        "params.item_id");

    chat.responder.then(
        turn().structuredInput("[{\"id\":\"q\",\"question\":\"?\",\"type\":\"freeform\"}]"));
    chat.stream(ALICE, addMessage(thread, "ask"));
    ThreadItem pending = chat.stored(ALICE, thread).get(3);
    String answerIt =
        request(
            "threads.add_structured_input",
            "{\"thread_id\":\"" + thread + "\",\"item_id\":\"" + pending.id() + "\",\"input\":{}}");
    chat.stream(ALICE, answerIt);
    refusedWithNothingWritten(
        () -> chat.process(ALICE, answerIt), InvalidInputException.class, "params.item_id");
  }

  @Test
  void syncActionFromANonWidget_isInvalid() {
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.sync_custom_action",
                    "{\"thread_id\":\""
                        + thread
                        + "\",\"item_id\":\""
                        + answer.id()
                        + "\",\"action\":{\"type\":\"x\"}}")),
        InvalidInputException.class,
        "params.item_id");
  }

  @Test
  void attachmentsThatAreMissing_foreign_notUploaded_orFromAnotherThread_areRefusedBeforeStoring() {
    Attachment bobs = chat.uploaded(BOB, "b.png", "image/png");
    Attachment pending =
        new Attachment(
            AttachmentId.generate(),
            ALICE,
            "p.pdf",
            "application/pdf",
            3,
            null,
            false,
            ChatKitWireFixture.NOW);
    chat.store.attachments().save(pending);
    Attachment elsewhere = chat.uploaded(ALICE, "e.png", "image/png");
    String other = chat.createThread(ALICE, "Other");
    chat.stream(ALICE, withAttachment(other, elsewhere.id()));

    refusedWithNothingWritten(
        () -> chat.process(ALICE, withAttachment(thread, bobs.id())),
        AttachmentNotFoundException.class,
        null);
    refusedWithNothingWritten(
        () -> chat.process(ALICE, withAttachment(thread, AttachmentId.generate())),
        AttachmentNotFoundException.class,
        null);
    refusedWithNothingWritten(
        () -> chat.process(ALICE, withAttachment(thread, pending.id())),
        InvalidInputException.class,
        "params.input.attachments");
    refusedWithNothingWritten(
        () -> chat.process(ALICE, withAttachment(thread, elsewhere.id())),
        InvalidInputException.class,
        "params.input.attachments");
    refusedWithNothingWritten(
        () ->
            chat.process(
                ALICE,
                request(
                    "threads.create",
                    "{\"input\":{\"content\":[],\"attachments\":[\"" + bobs.id() + "\"]}}")),
        AttachmentNotFoundException.class,
        null);
    assertThat(chat.json(ALICE, request("threads.list", "{}")).path("data")).hasSize(2);
  }

  @Test
  void badRequests_areInvalidBeforeAnythingHappens() {
    refusedWithNothingWritten(
        () -> chat.process(ALICE, "{\"type\":\"threads.create\",\"params\":{}}"),
        InvalidInputException.class,
        "params.input");
    refusedWithNothingWritten(
        () -> chat.process(ALICE, addMessage(thread, " ")),
        InvalidInputException.class,
        "params.input.content");
  }

  private static String withAttachment(String thread, AttachmentId id) {
    return request(
        "threads.add_user_message",
        "{\"thread_id\":\""
            + thread
            + "\",\"input\":{\"content\":"
            + "[{\"type\":\"input_text\",\"text\":\"see\"}],\"attachments\":[\""
            + id
            + "\"],\"inference_options\":{}}}");
  }
}
