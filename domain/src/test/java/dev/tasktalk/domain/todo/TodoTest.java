package dev.tasktalk.domain.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodoTest {

  private static final UserId OWNER = new UserId("alice");
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456789Z");

  @Test
  void create_trimsTheTitle_defaultsToMedium_andNormalisesTags() {
    Todo todo =
        Todo.create(OWNER, "  Buy milk ", "  ", null, null, List.of(" Home", "home", "Errand"), T0);

    assertThat(todo.title()).isEqualTo("Buy milk");
    assertThat(todo.description()).isEmpty();
    assertThat(todo.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(todo.tags()).containsExactly("home", "errand");
    assertThat(todo.completed()).isFalse();
    assertThat(todo.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123456Z"));
  }

  @Test
  void create_refusesTitlesThatAreEmptyOrTooLong() {
    assertInvalid(() -> Todo.create(OWNER, "   ", null, null, null, null, T0), "title");
    assertInvalid(() -> Todo.create(OWNER, "x".repeat(201), null, null, null, null, T0), "title");
    assertThat(Todo.create(OWNER, "x".repeat(200), null, null, null, null, T0).title())
        .hasSize(200);
  }

  @Test
  void create_refusesOversizedDescriptionsAndTags() {
    assertInvalid(
        () -> Todo.create(OWNER, "t", "d".repeat(10_001), null, null, null, T0), "description");
    assertInvalid(
        () -> Todo.create(OWNER, "t", null, null, null, List.of("x".repeat(51)), T0), "tags");
    assertInvalid(
        () -> Todo.create(OWNER, "t", null, null, null, Arrays.asList("ok", " "), T0), "tags");
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("tag" + i);
    }
    assertInvalid(() -> Todo.create(OWNER, "t", null, null, null, many, T0), "tags");
    assertThat(
            Todo.create(OWNER, "t", null, null, null, Collections.nCopies(30, "same"), T0).tags())
        .containsExactly("same");
  }

  @Test
  void create_refusesNulCharactersInEveryText_whichPostgresCannotStore() {
    assertInvalid(() -> Todo.create(OWNER, "Buy\0milk", null, null, null, null, T0), "title");
    assertInvalid(() -> Todo.create(OWNER, "t", "a\0", null, null, null, T0), "description");
    assertInvalid(
        () -> Todo.create(OWNER, "t", null, null, null, List.of("home", "\0"), T0), "tags");
    assertThatThrownBy(() -> Todo.create(OWNER, "\0", null, null, null, null, T0))
        .hasMessage("title must not contain NUL characters (U+0000)");
  }

  @Test
  void complete_stampsTheFirstCompletion_andReopenClearsIt() {
    Todo todo = Todo.create(OWNER, "t", null, null, null, null, T0);
    Instant t1 = T0.plusSeconds(60);

    todo.complete(t1);
    todo.complete(t1.plusSeconds(60));
    assertThat(todo.completed()).isTrue();
    assertThat(todo.completedAt()).contains(Instant.parse("2026-11-22T10:01:00.123456Z"));

    todo.reopen(t1.plusSeconds(120));
    assertThat(todo.completed()).isFalse();
    assertThat(todo.completedAt()).isEmpty();
    assertThat(todo.updatedAt()).isEqualTo(Instant.parse("2026-11-22T10:03:00.123456Z"));
  }

  @Test
  void updatedAt_neverGoesBeforeCreation_evenWithAClockThatStepsBack() {
    Todo todo = Todo.create(OWNER, "t", null, null, null, null, T0);
    todo.rename("u", T0.minusSeconds(5));
    assertThat(todo.updatedAt()).isEqualTo(todo.createdAt());
  }

  @Test
  void due_acceptsDatesAndDateTimes_andRefusesAnythingElse() {
    assertThat(Due.parse("due", "2026-11-23").toIsoString()).isEqualTo("2026-11-23");
    assertThat(Due.parse("due", "2026-11-23T10:00:00+02:00").toIsoString())
        .isEqualTo("2026-11-23T08:00:00Z");
    assertThat(Due.parse("due", "2026-11-23T10:00").toIsoString())
        .isEqualTo("2026-11-23T10:00:00Z");
    assertInvalid(() -> Due.parse("due", "tomorrow"), "due");
    assertInvalid(() -> Due.parse("due", "2026-02-30"), "due");
  }

  @Test
  void priority_parsesWireNamesInAnyCase() {
    assertThat(Priority.parse("priority", "High")).isEqualTo(Priority.HIGH);
    assertInvalid(() -> Priority.parse("priority", "urgent"), "priority");
  }

  private static void assertInvalid(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
