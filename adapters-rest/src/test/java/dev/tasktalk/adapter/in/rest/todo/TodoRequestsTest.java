package dev.tasktalk.adapter.in.rest.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.adapter.in.rest.common.RequestException;
import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodoRequestsTest {

  private static final UserId ALICE = new UserId("alice");

  @Test
  void createBody_withEveryField_becomesACommand() {
    var command =
        TodoRequests.add(
            ALICE,
            """
            {"title":"Buy milk","description":"2 litres","priority":"HIGH","due":"2026-11-23","tags":["Home"]}\
            """);

    assertThat(command.owner()).isEqualTo(ALICE);
    assertThat(command.title()).isEqualTo("Buy milk");
    assertThat(command.priority()).isEqualTo(Priority.HIGH);
    assertThat(command.due().allDay()).isTrue();
    assertThat(command.tags()).containsExactly("Home");
  }

  @Test
  void createBody_withMistakes_namesTheField() {
    assertField("{\"title\":\"x\",\"owner\":\"bob\"}", "owner");
    assertField("{\"title\":5}", "title");
    assertField("{}", "title");
    assertField("{\"title\":\"x\",\"tags\":\"home\"}", "tags");
    assertField("{\"title\":\"x\",\"tags\":[1]}", "tags");
    assertThatThrownBy(() -> TodoRequests.add(ALICE, "{\"title\":\"x\",\"priority\":\"urgent\"}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("priority"));
    assertThatThrownBy(() -> TodoRequests.add(ALICE, "{\"title\":\"x\",\"due\":\"tomorrow\"}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("due"));
  }

  @Test
  void malformedBodies_areRefusedAsMalformedJson() {
    String deep = "{\"title\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    for (String body : List.of("", "{", "[1]", "\"text\"", "{\"title\":\"a\",}", deep)) {
      assertThatThrownBy(() -> TodoRequests.add(ALICE, body))
          .isInstanceOfSatisfying(
              RequestException.class, e -> assertThat(e.code()).isEqualTo("malformed_json"));
    }
  }

  @Test
  void aNulInAnyString_isRefusedNamingWhere() {
    assertField("{\"title\":\"a\\u0000b\"}", "title");
    assertField("{\"title\":\"a\",\"tags\":[\"home\",\"\\u0000\"]}", "tags[1]");
    assertField("{\"title\":\"a\",\"x\\u0000\":1}", "x\0");
  }

  @Test
  void patchBody_tellsAbsentFromNull() {
    var command =
        TodoRequests.update(ALICE, TodoId.random(), "{\"description\":null,\"completed\":true}");

    assertThat(command.title().present()).isFalse();
    assertThat(command.description().present()).isTrue();
    assertThat(command.description().value()).isNull();
    assertThat(command.completed().value()).isTrue();
  }

  @Test
  void patchBody_emptyOrNullTitle_isRefused() {
    assertThatThrownBy(() -> TodoRequests.update(ALICE, TodoId.random(), "{}"))
        .isInstanceOf(RequestException.class);
    assertThatThrownBy(() -> TodoRequests.update(ALICE, TodoId.random(), "{\"title\":null}"))
        .isInstanceOfSatisfying(
            RequestException.class, e -> assertThat(e.field()).isEqualTo("title"));
  }

  @Test
  void listParameters_areParsedAndLimitIsCapped() {
    var query =
        TodoRequests.list(
            ALICE,
            "done",
            "milk",
            "low",
            "2026-12-01",
            "2026-11-01T10:00:00+02:00",
            "Home",
            "100000000000000000000",
            null);

    assertThat(query.filter().status()).isEqualTo(TodoFilter.Status.DONE);
    assertThat(query.filter().dueAfter()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(query.filter().tag()).isEqualTo("home");
    assertThat(query.limit()).isEqualTo(200);
  }

  @Test
  void listParameters_withBadValues_nameTheParameter() {
    assertThatThrownBy(
            () -> TodoRequests.list(ALICE, "closed", null, null, null, null, null, null, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
    assertListField("limit", null, "-1", null);
    assertListField("limit", null, "ten", null);
    assertListField("limit", null, "0", null);
  }

  private static void assertListField(String field, String status, String limit, String dueBefore) {
    assertThatThrownBy(
            () -> TodoRequests.list(ALICE, status, null, null, dueBefore, null, null, limit, null))
        .isInstanceOfSatisfying(
            RequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private static void assertField(String body, String field) {
    assertThatThrownBy(() -> TodoRequests.add(ALICE, body))
        .isInstanceOfSatisfying(
            RequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
