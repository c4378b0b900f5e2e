package dev.tasktalk.application.service.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.todo.AddTodoCommand;
import dev.tasktalk.application.port.in.todo.FieldChange;
import dev.tasktalk.application.port.in.todo.ListTodosQuery;
import dev.tasktalk.application.port.in.todo.UpdateTodoCommand;
import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.application.testing.InMemoryTodoChanges;
import dev.tasktalk.application.testing.InMemoryTodoRepository;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.todo.TodoNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodoServiceTest {

  private static final UserId ALICE = new UserId("alice");
  private static final UserId BOB = new UserId("bob");

  private final InMemoryTodoRepository repository = new InMemoryTodoRepository();
  private final InMemoryTodoChanges changes = new InMemoryTodoChanges();
  private final TodoService service =
      new TodoService(
          repository, changes, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

  private Todo add(UserId owner, String title) {
    return service.add(new AddTodoCommand(owner, title, null, null, null, List.of()));
  }

  @Test
  void givenAnotherOwnersTask_everyUseCase_saysNotFound() {
    TodoId id = add(ALICE, "Mine").id();

    assertThatThrownBy(() -> service.get(BOB, id)).isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(() -> service.complete(BOB, id)).isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(() -> service.reopen(BOB, id)).isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(() -> service.delete(BOB, id)).isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(
            () ->
                service.update(
                    new UpdateTodoCommand(
                        BOB, id, FieldChange.to("x"), null, null, null, null, null)))
        .isInstanceOf(TodoNotFoundException.class);
    assertThat(service.get(ALICE, id).title()).isEqualTo("Mine");
  }

  @Test
  void givenEveryKindOfWrite_eachIsAnnouncedForItsOwner_andRefusedOnesAreNot() {
    List<UserId> seenByAlice = new java.util.ArrayList<>();
    var watch = service.watch(ALICE, () -> seenByAlice.add(ALICE));
    TodoId id = add(ALICE, "Announced").id();
    service.complete(ALICE, id);
    service.reopen(ALICE, id);
    service.update(
        new UpdateTodoCommand(ALICE, id, FieldChange.to("Renamed"), null, null, null, null, null));
    assertThatThrownBy(() -> service.delete(BOB, id)).isInstanceOf(TodoNotFoundException.class);
    service.delete(ALICE, id);
    watch.close();
    add(ALICE, "After the watch");

    assertThat(changes.published()).containsExactly(ALICE, ALICE, ALICE, ALICE, ALICE, ALICE);
    assertThat(seenByAlice).hasSize(5);
  }

  @Test
  void update_withOneBadField_changesNothing() {
    TodoId id = add(ALICE, "Original").id();

    assertThatThrownBy(
            () ->
                service.update(
                    new UpdateTodoCommand(
                        ALICE,
                        id,
                        FieldChange.to("Renamed"),
                        null,
                        FieldChange.to(null),
                        null,
                        null,
                        null)))
        .isInstanceOf(InvalidInputException.class);

    assertThat(service.get(ALICE, id).title()).isEqualTo("Original");
  }

  @Test
  void update_changesOnlyThePresentFields() {
    TodoId id =
        service
            .add(new AddTodoCommand(ALICE, "Walk", "the dog", Priority.LOW, null, List.of("pets")))
            .id();

    Todo updated =
        service.update(
            new UpdateTodoCommand(
                ALICE,
                id,
                null,
                FieldChange.to(null),
                FieldChange.to(Priority.HIGH),
                null,
                null,
                FieldChange.to(true)));

    assertThat(updated.title()).isEqualTo("Walk");
    assertThat(updated.description()).isEmpty();
    assertThat(updated.priority()).isEqualTo(Priority.HIGH);
    assertThat(updated.tags()).containsExactly("pets");
    assertThat(updated.completed()).isTrue();
  }

  @Test
  void list_pagesThroughEverythingWithOpaqueCursors() {
    for (int i = 0; i < 5; i++) {
      add(ALICE, "Task " + i);
    }
    List<String> titles = new ArrayList<>();
    String cursor = null;
    do {
      var page = service.list(new ListTodosQuery(ALICE, TodoFilter.all(), cursor, 2));
      page.items().forEach(t -> titles.add(t.title()));
      cursor = page.nextCursor().orElse(null);
    } while (cursor != null);

    assertThat(titles).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void list_refusesBadLimitsAndForeignCursors_andCapsHugeLimits() {
    assertThatThrownBy(() -> service.list(new ListTodosQuery(ALICE, null, null, 0)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    assertThatThrownBy(() -> service.list(new ListTodosQuery(ALICE, null, "bm9wZQ", null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    String ancient =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("t1:-300000000000:0:" + TodoId.random())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> service.list(new ListTodosQuery(ALICE, null, ancient, null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    for (int i = 0; i < 201; i++) {
      add(ALICE, "t" + i);
    }
    assertThat(service.list(new ListTodosQuery(ALICE, null, null, 5000)).items()).hasSize(200);
  }
}
