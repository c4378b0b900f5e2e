package dev.tasktalk.adapter.in.rest.chat;

import static dev.tasktalk.adapter.in.rest.common.TestSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.adapter.in.rest.common.RequestException;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatResourceTest {

  private final List<String> calls = new ArrayList<>();
  private final ChatResource resource = new ChatResource(new FakeChat(), as("alice"));

  @Test
  void chat_sendsTheMessage_andAnswersWithParsedToolArguments() {
    String json = resource.chat("{\"message\":\"add milk\",\"conversation_id\":\"thr_1\"}");

    assertThat(calls).containsExactly("chat alice thr_1 add milk");
    assertThat(json)
        .isEqualTo(
            "{\"response\":\"Added.\",\"conversation_id\":\"thr_1\",\"tool_calls\":[{\"name\":\"add_task\",\"arguments\":{\"title\":\"milk\"},\"title\":\"Add"
                + " task\",\"status\":\"complete\"},{\"name\":\"broken\",\"arguments\":\"{not"
                + " json\",\"title\":null,\"status\":\"error\"}]}");
  }

  @Test
  void chat_withoutOrWithAnEmptyConversation_startsANewOne() {
    resource.chat("{\"message\":\"hi\"}");
    resource.chat("{\"message\":\"hi\",\"conversation_id\":\"\"}");
    resource.chat("{\"message\":\"hi\",\"conversation_id\":null}");

    assertThat(calls)
        .containsExactly("chat alice null hi", "chat alice null hi", "chat alice null hi");
  }

  @Test
  void chat_withABadBody_namesTheField() {
    assertField("{}", "message");
    assertField("{\"message\":\"\"}", "message");
    assertField("{\"message\":\"   \"}", "message");
    assertField("{\"message\":7}", "message");
    assertField("{\"message\":\"" + "x".repeat(100_001) + "\"}", "message");
    assertField("{\"message\":\"hi\",\"conversation_id\":5}", "conversation_id");
    assertField("{\"message\":\"hi\",\"user\":\"bob\"}", "user");
    assertThatThrownBy(() -> resource.chat("not json"))
        .isInstanceOfSatisfying(
            RequestException.class, e -> assertThat(e.code()).isEqualTo("malformed_json"));
    assertThat(calls).isEmpty();
  }

  @Test
  void chat_acceptsTheLongestMessage() {
    resource.chat("{\"message\":\"" + "x".repeat(100_000) + "\"}");

    assertThat(calls).hasSize(1);
  }

  @Test
  void conversations_areListed_withADefaultAndCappedLimit() {
    String json = resource.conversations(null);
    resource.conversations("5");
    resource.conversations("100000");

    assertThat(json)
        .isEqualTo(
            "{\"conversations\":[{\"id\":\"thr_1\",\"title\":\"Groceries\","
                + "\"created_at\":\"2026-11-22T07:00:00Z\"},{\"id\":\"thr_2\",\"title\":null,\"created_at\":\"2026-11-21T07:00:00Z\"}]}");
    assertThat(calls).containsExactly("list alice 20", "list alice 5", "list alice 100");
    for (String bad : new String[] {"0", "-1", "ten"}) {
      assertThatThrownBy(() -> resource.conversations(bad))
          .isInstanceOfSatisfying(
              RequestException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
  }

  @Test
  void messages_areListed_andSomeoneElsesConversationIsNotFound() {
    assertThat(resource.messages("thr_1"))
        .isEqualTo(
            "{\"messages\":[{\"id\":\"msg_1\",\"role\":\"user\","
                + "\"text\":\"add milk\",\"created_at\":\"2026-11-22T07:00:00Z\"}]}");
    assertThatThrownBy(() -> new ChatResource(new FakeChat(), as("bob")).messages("thr_1"))
        .isInstanceOf(ThreadNotFoundException.class);
  }

  private void assertField(String body, String field) {
    assertThatThrownBy(() -> resource.chat(body))
        .as(body.length() > 80 ? body.substring(0, 80) : body)
        .isInstanceOfSatisfying(
            RequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private final class FakeChat implements ChatUseCase {

    @Override
    public ChatReply chat(UserId owner, String message, String conversationId) {
      calls.add(
          "chat "
              + owner
              + " "
              + conversationId
              + " "
              + (message.length() > 20 ? "long" : message));
      return new ChatReply(
          "Added.",
          conversationId == null ? "thr_new" : conversationId,
          List.of(
              new ToolCall("add_task", "{\"title\":\"milk\"}", "Add task", "complete"),
              new ToolCall("broken", "{not json", null, "error")));
    }

    @Override
    public List<Conversation> conversations(UserId owner, int limit) {
      calls.add("list " + owner + " " + limit);
      return List.of(
          new Conversation("thr_1", "Groceries", "2026-11-22T07:00:00Z"),
          new Conversation("thr_2", null, "2026-11-21T07:00:00Z"));
    }

    @Override
    public List<Message> messages(UserId owner, String conversationId) {
      if (!owner.value().equals("alice")) {
        throw new ThreadNotFoundException(conversationId);
      }
      return List.of(new Message("msg_1", "user", "add milk", "2026-11-22T07:00:00Z"));
    }
  }
}
