package dev.tasktalk.application.service.chatkit;

import static dev.tasktalk.application.testing.ChatKitFixture.ALICE;
import static dev.tasktalk.application.testing.ChatKitFixture.BOB;
import static dev.tasktalk.application.testing.ScriptedResponder.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.chatkit.ChatUseCase.ChatReply;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase.Message;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase.ToolCall;
import dev.tasktalk.application.testing.ChatKitFixture;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.UnavailableException;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

  private final ChatKitFixture chat = new ChatKitFixture();
  private final ChatService service =
      new ChatService(chat.service, chat.store.threads(), chat.store.items());

  @Test
  void aFirstMessage_startsAConversation_andReturnsTheWholeAnswerWithItsToolCalls() {
    chat.responder.then(
        turn()
            .workflow(
                "{\"type\":\"custom\",\"title\":\"Adding task\",\"status_indicator\":\"complete\","
                    + "\"name\":\"add_task\",\"arguments\":{\"title\":\"Milk\"}}",
                "{\"type\":\"custom\",\"title\":\"Listing"
                    + " tasks\",\"status_indicator\":\"loading\"}")
            .text("Added ", "milk.")
            .title("Groceries"));

    ChatReply reply = service.chat(ALICE, "Add milk", null);

    assertThat(reply.response()).isEqualTo("Added milk.");
    assertThat(reply.conversationId()).startsWith("thr_");
    assertThat(reply.toolCalls())
        .containsExactly(
            new ToolCall("add_task", "{\"title\":\"Milk\"}", "Adding task", "complete"),
            new ToolCall("Listing tasks", null, "Listing tasks", "loading"));
  }

  @Test
  void aFollowUp_goesToTheSameConversation_andMessagesListsBothTurnsOldestFirst() {
    chat.responder.then(turn().text("One")).then(turn().text("Two"));
    String id = service.chat(ALICE, "First", null).conversationId();

    ChatReply second = service.chat(ALICE, "Second", id);

    assertThat(second.conversationId()).isEqualTo(id);
    assertThat(service.messages(ALICE, id))
        .extracting(Message::role, Message::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("user", "First"),
                org.assertj.core.groups.Tuple.tuple("assistant", "One"),
            org.assertj.core.groups.Tuple.tuple("user", "Second"),
                org.assertj.core.groups.Tuple.tuple("assistant", "Two"));
  }

  @Test
  void messages_walkEveryPage_andSkipHiddenAndOtherItems() {
    chat.responder.then(turn().hiddenContext("h").widget("{\"type\":\"Card\"}", "c").text("a"));
    String id = service.chat(ALICE, "m0", null).conversationId();
    for (int i = 1; i < 60; i++) {
      service.chat(ALICE, "m" + i, id);
    }

    List<Message> messages = service.messages(ALICE, id);

    assertThat(messages).hasSize(120);
    assertThat(messages.get(0).text()).isEqualTo("m0");
    assertThat(messages.get(119).role()).isEqualTo("assistant");
  }

  @Test
  void conversations_areNewestFirst_withTitles() {
    chat.responder.then(turn().text("x").title("Titled"));
    String first = service.chat(ALICE, "a", null).conversationId();
    service.chat(ALICE, "b", null);

    assertThat(service.conversations(ALICE, 10))
        .hasSize(2)
        .anySatisfy(
            c -> {
              assertThat(c.id()).isEqualTo(first);
              assertThat(c.title()).isEqualTo("Titled");
              assertThat(c.createdAt()).isEqualTo("2026-11-22T10:00:00Z");
            });
    assertThat(service.conversations(BOB, 10)).isEmpty();
    assertThat(service.conversations(ALICE, 1)).hasSize(1);
  }

  @Test
  void refusals_areDomainErrors() {
    assertThatThrownBy(() -> service.chat(ALICE, " ", null))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("message");
    assertThatThrownBy(() -> service.chat(ALICE, "hi", "thr_0000000000000000"))
        .isInstanceOf(ThreadNotFoundException.class);
    String id = service.chat(ALICE, "hi", null).conversationId();
    assertThatThrownBy(() -> service.messages(BOB, id)).isInstanceOf(ThreadNotFoundException.class);
    assertThatThrownBy(() -> service.chat(BOB, "hi", id))
        .isInstanceOf(ThreadNotFoundException.class);
  }

  @Test
  void aFailedAnswer_isUnavailable() {
    chat.responder.then(turn().fail(new UnavailableException("no model configured")));

    assertThatThrownBy(() -> service.chat(ALICE, "hi", null))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("no model configured");
  }

  @Test
  void aMessageWhileAnswering_isAConflict() {
    chat.responder.then(turn().textThenHang("busy"));
    AssertSubscriber<ThreadEvent> running =
        chat.multi(ALICE, ChatKitFixture.newThread("Hi"))
            .subscribe()
            .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    running.awaitItems(6, Duration.ofSeconds(5));
    String id = ((ThreadEvent.ThreadCreated) running.getItems().get(0)).thread().id().value();

    assertThatThrownBy(() -> service.chat(ALICE, "hello?", id))
        .isInstanceOf(RunInProgressException.class);
    running.cancel();
  }

  @Test
  void anAnswerThatTakesTooLong_isStopped_andUnavailable() {
    ChatService impatient =
        new ChatService(
            chat.service, chat.store.threads(), chat.store.items(), Duration.ofMillis(100));
    chat.responder.then(turn().textThenHang("slow"));

    assertThatThrownBy(() -> impatient.chat(ALICE, "hi", null))
        .isInstanceOf(UnavailableException.class);
    assertThat(chat.store.runs().all())
        .extracting(Run::status)
        .containsExactly(RunStatus.CANCELLED);
  }
}
