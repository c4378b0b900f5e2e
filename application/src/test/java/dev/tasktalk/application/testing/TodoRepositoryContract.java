package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.TodoBuilder.T0;
import static dev.tasktalk.application.testing.TodoBuilder.aTodo;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.application.port.out.persistence.TodoFilter.Status;
import dev.tasktalk.application.port.out.persistence.TodoPosition;
import dev.tasktalk.application.port.out.persistence.TodoRepository;
import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TodoRepository} must do, whatever stores the tasks. The in-memory fake and the
 * JPA adapter both run it, so service tests written against the fake stay true against the
 * database.
 */
public abstract class TodoRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");

  /** The repository under test. */
  protected abstract TodoRepository repository();

  /** Runs before every test; afterwards the repository holds no tasks at all. */
  protected abstract void reset();

  @BeforeEach
  void startEmpty() {
    reset();
  }

  @Nested
  class AddAndFind {

    @Test
    void givenATaskWithEveryFieldSet_addThenFind_returnsEveryFieldAsStored() {
      Todo todo =
          add(
              aTodo(ALICE)
                  .title("Plan the trip")
                  .description("Book trains\nand a hotel near the station")
                  .priority(Priority.HIGH)
                  .due(Due.at(Instant.parse("2026-04-02T17:45:00.654321Z")))
                  .tags("travel", "family", "q2")
                  .updatedAt(T0.plusSeconds(90))
                  .build());

      assertFound(ALICE, todo);
    }

    @Test
    void givenATaskWithoutDescriptionDueOrTags_addThenFind_returnsThemAbsent() {
      Todo todo = add(aTodo(ALICE).description(null).due(null).tags().build());

      Todo found = find(ALICE, todo);

      assertThat(found.description()).isEmpty();
      assertThat(found.due()).isEmpty();
      assertThat(found.tags()).isEmpty();
      assertSameState(found, todo);
    }

    @Test
    void givenAnAllDayDue_addThenFind_keepsItAWholeDay() {
      Todo todo = add(aTodo(ALICE).due(Due.onDay(LocalDate.parse("2026-11-23"))).build());

      assertThat(find(ALICE, todo).due())
          .contains(new Due(Instant.parse("2026-11-23T00:00:00Z"), true));
    }

    @Test
    void givenADueAtAnInstant_addThenFind_keepsItAnInstant() {
      Todo todo = add(aTodo(ALICE).due(Due.at(Instant.parse("2026-11-23T00:00:00Z"))).build());

      assertThat(find(ALICE, todo).due())
          .contains(new Due(Instant.parse("2026-11-23T00:00:00Z"), false));
    }

    @Test
    void givenTagsInNonAlphabeticalOrder_addThenFind_keepsTheirOrder() {
      Todo todo = add(aTodo(ALICE).tags("zeta", "alpha", "mid-year", "a b").build());

      assertThat(find(ALICE, todo).tags()).containsExactly("zeta", "alpha", "mid-year", "a b");
    }

    @Test
    void givenTagsWithPunctuation_addThenFind_keepsThemExactly() {
      Todo todo =
          add(
              aTodo(ALICE)
                  .tags("a, b", "say \"hi\"", "{braces}", "back\\slash", "null", "ünïcödé")
                  .build());

      assertThat(find(ALICE, todo).tags())
          .containsExactly("a, b", "say \"hi\"", "{braces}", "back\\slash", "null", "ünïcödé");
    }

    @Test
    void givenACompletedTask_addThenFind_keepsItCompletedWithItsTime() {
      Todo todo =
          add(
              aTodo(ALICE)
                  .completedAt(T0.plusSeconds(3600))
                  .updatedAt(T0.plusSeconds(3600))
                  .build());

      Todo found = find(ALICE, todo);

      assertThat(found.completed()).isTrue();
      assertThat(found.completedAt()).contains(T0.plusSeconds(3600));
    }

    @Test
    void givenTimestampsWithMicroseconds_addThenFind_keepsEveryMicrosecond() {
      Todo todo =
          add(
              aTodo(ALICE)
                  .createdAt(Instant.parse("2026-03-01T09:15:30.000001Z"))
                  .updatedAt(Instant.parse("2026-03-01T09:15:30.999999Z"))
                  .completedAt(Instant.parse("2026-03-02T23:59:59.123457Z"))
                  .due(Due.at(Instant.parse("2026-03-03T00:00:00.000009Z")))
                  .build());

      assertFound(ALICE, todo);
    }

    @Test
    void givenAnUnknownId_find_returnsEmpty() {
      add(aTodo(ALICE).build());

      assertThat(repository().find(ALICE, TodoId.random())).isEmpty();
    }

    @Test
    void givenAFoundTaskChangedWithoutUpdate_findAgain_returnsTheStoredTask() {
      Todo todo = add(aTodo(ALICE).title("Stored title").build());

      find(ALICE, todo).rename("Changed only in memory", T0.plusSeconds(1));
      todo.rename("Changed after adding", T0.plusSeconds(2));

      assertThat(find(ALICE, todo).title()).isEqualTo("Stored title");
    }
  }

  @Nested
  class AnotherOwnersTask {

    @Test
    void givenBobsTask_findAsAlice_returnsEmpty() {
      Todo bobs = add(aTodo(BOB).build());

      assertThat(repository().find(ALICE, bobs.id())).isEmpty();
    }

    @Test
    void givenBobsTask_updateAsAlice_returnsEmptyAndLeavesItUnchanged() {
      Todo bobs = add(aTodo(BOB).title("Bob's own").build());
      AtomicBoolean changeRan = new AtomicBoolean();

      var result =
          repository()
              .update(
                  ALICE,
                  bobs.id(),
                  t -> {
                    changeRan.set(true);
                    t.rename("Taken over", T0.plusSeconds(1));
                  });

      assertThat(result).isEmpty();
      assertThat(changeRan).isFalse();
      assertFound(BOB, bobs);
    }

    @Test
    void givenBobsTask_deleteAsAlice_returnsFalseAndKeepsIt() {
      Todo bobs = add(aTodo(BOB).build());

      assertThat(repository().delete(ALICE, bobs.id())).isFalse();
      assertFound(BOB, bobs);
    }

    @Test
    void givenTasksOfTwoOwners_listAsAlice_returnsOnlyAlicesTasks() {
      Todo first = add(aTodo(ALICE).createdAt(T0).build());
      add(aTodo(BOB).createdAt(T0.plusSeconds(1)).build());
      Todo second = add(aTodo(ALICE).createdAt(T0.plusSeconds(2)).build());
      add(aTodo(BOB).createdAt(T0).build());

      assertThat(ids(repository().list(ALICE, TodoFilter.all(), null, 100)))
          .containsExactly(second.id(), first.id());
    }

    @Test
    void givenAPositionOnBobsTask_listAsAlice_stillReturnsOnlyAlicesTasks() {
      Todo alices = add(aTodo(ALICE).createdAt(T0).build());
      Todo bobs = add(aTodo(BOB).createdAt(T0.plusSeconds(1)).build());
      add(aTodo(BOB).createdAt(T0.minusSeconds(1)).build());

      assertThat(ids(repository().list(ALICE, TodoFilter.all(), TodoPosition.of(bobs), 100)))
          .containsExactly(alices.id());
    }
  }

  @Nested
  class Update {

    @Test
    void givenAStoredTask_update_storesAndReturnsTheChangedTask() {
      Todo todo = add(aTodo(ALICE).title("Draft").tags("work").build());

      Todo updated =
          repository()
              .update(
                  ALICE,
                  todo.id(),
                  t -> {
                    t.rename("Final", T0.plusSeconds(10));
                    t.retag(List.of("work", "urgent"), T0.plusSeconds(10));
                    t.complete(T0.plusSeconds(11));
                  })
              .orElseThrow();

      assertThat(updated.title()).isEqualTo("Final");
      assertThat(updated.completedAt()).contains(T0.plusSeconds(11));
      assertFound(ALICE, updated);
    }

    @Test
    void givenOptionalFieldsClearedInTheChange_update_storesThemCleared() {
      Todo todo =
          add(
              aTodo(ALICE)
                  .description("Some notes")
                  .due(Due.onDay(LocalDate.parse("2026-05-01")))
                  .tags("home")
                  .completedAt(T0.plusSeconds(5))
                  .build());

      repository()
          .update(
              ALICE,
              todo.id(),
              t -> {
                t.describe(null, T0.plusSeconds(20));
                t.reschedule(null, T0.plusSeconds(20));
                t.retag(List.of(), T0.plusSeconds(20));
                t.reopen(T0.plusSeconds(20));
              });

      Todo found = find(ALICE, todo);
      assertThat(found.description()).isEmpty();
      assertThat(found.due()).isEmpty();
      assertThat(found.tags()).isEmpty();
      assertThat(found.completed()).isFalse();
      assertThat(found.completedAt()).isEmpty();
      assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void givenAChangeThatThrows_update_rethrowsAndLeavesTheTaskUnchanged() {
      Todo todo = add(aTodo(ALICE).title("Before").build());
      RuntimeException refusal = new IllegalStateException("change refused");

      assertThatThrownBy(
              () ->
                  repository()
                      .update(
                          ALICE,
                          todo.id(),
                          t -> {
                            t.rename("Half-way", T0.plusSeconds(1));
                            throw refusal;
                          }))
          .isSameAs(refusal);

      assertFound(ALICE, todo);
    }

    @Test
    void givenAnUnknownId_update_returnsEmptyWithoutRunningTheChange() {
      AtomicBoolean changeRan = new AtomicBoolean();

      assertThat(repository().update(ALICE, TodoId.random(), t -> changeRan.set(true))).isEmpty();
      assertThat(changeRan).isFalse();
    }

    @Test
    void givenConcurrentUpdatesOfOneTask_update_appliesEveryChangeInTurn() throws Exception {
      Todo todo = add(aTodo(ALICE).build());
      int writers = 4;
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          String tag = "writer-" + i;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return repository().update(ALICE, todo.id(), t -> appendTagSlowly(t, tag));
                  }));
        }
        start.countDown();
        for (Future<?> result : results) {
          result.get(30, SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(find(ALICE, todo).tags())
          .containsExactlyInAnyOrder("writer-0", "writer-1", "writer-2", "writer-3");
    }

    /**
     * Reads, waits, then writes: without serialised updates the writers would overwrite each other.
     */
    private static void appendTagSlowly(Todo todo, String tag) {
      List<String> tags = new ArrayList<>(todo.tags());
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      tags.add(tag);
      todo.retag(tags, T0.plusSeconds(1));
    }
  }

  @Nested
  class Delete {

    @Test
    void givenAStoredTask_delete_returnsTrueAndTheTaskIsGone() {
      Todo todo = add(aTodo(ALICE).build());
      Todo other = add(aTodo(ALICE).build());

      assertThat(repository().delete(ALICE, todo.id())).isTrue();

      assertThat(repository().find(ALICE, todo.id())).isEmpty();
      assertThat(ids(listAll(ALICE))).containsExactly(other.id());
    }

    @Test
    void givenADeletedTask_deleteAgain_returnsFalse() {
      Todo todo = add(aTodo(ALICE).build());
      repository().delete(ALICE, todo.id());

      assertThat(repository().delete(ALICE, todo.id())).isFalse();
    }
  }

  @Nested
  class ListFilters {

    @Test
    void givenOpenAndDoneTasks_listOpen_returnsOnlyOpenOnes() {
      Todo open = add(aTodo(ALICE).build());
      add(aTodo(ALICE).completedAt(T0.plusSeconds(1)).build());

      assertThat(ids(list(ALICE, status(Status.OPEN)))).containsExactly(open.id());
    }

    @Test
    void givenOpenAndDoneTasks_listDone_returnsOnlyDoneOnes() {
      add(aTodo(ALICE).build());
      Todo done = add(aTodo(ALICE).completedAt(T0.plusSeconds(1)).build());

      assertThat(ids(list(ALICE, status(Status.DONE)))).containsExactly(done.id());
    }

    @Test
    void givenOpenAndDoneTasks_listAll_returnsBoth() {
      Todo open = add(aTodo(ALICE).build());
      Todo done = add(aTodo(ALICE).completedAt(T0.plusSeconds(1)).build());

      assertThat(ids(list(ALICE, status(Status.ALL))))
          .containsExactlyInAnyOrder(open.id(), done.id());
    }

    @Test
    void givenTextInTitleOrDescription_listByText_findsBothIgnoringCase() {
      Todo inTitle = add(aTodo(ALICE).title("Buy MILK and eggs").build());
      Todo inDescription =
          add(aTodo(ALICE).title("Shopping").description("remember the Milk").build());
      add(aTodo(ALICE).title("Bake bread").description("flour, yeast").build());
      add(aTodo(ALICE).title("Call mum").description(null).build());

      assertThat(ids(list(ALICE, text("mIlK"))))
          .containsExactlyInAnyOrder(inTitle.id(), inDescription.id());
    }

    @Test
    void givenNonAsciiLetters_listByText_ignoresTheirCase() {
      Todo apples = add(aTodo(ALICE).title("ÄPFEL kaufen").build());
      add(aTodo(ALICE).title("Apfelsaft").build());

      assertThat(ids(list(ALICE, text("äpfel")))).containsExactly(apples.id());
    }

    @Test
    void givenAPercentSignInTheSearchText_listByText_matchesItLiterally() {
      Todo percent = add(aTodo(ALICE).title("Reach 100% coverage").build());
      add(aTodo(ALICE).title("Reach 1000 coverage").build());

      assertThat(ids(list(ALICE, text("100%")))).containsExactly(percent.id());
      assertThat(ids(list(ALICE, text("%")))).containsExactly(percent.id());
    }

    @Test
    void givenAnUnderscoreInTheSearchText_listByText_matchesItLiterally() {
      Todo underscore = add(aTodo(ALICE).title("Rename user_id").build());
      add(aTodo(ALICE).title("Rename userXid").build());

      assertThat(ids(list(ALICE, text("r_i")))).containsExactly(underscore.id());
    }

    @Test
    void givenABackslashInTheSearchText_listByText_matchesItLiterally() {
      Todo backslash = add(aTodo(ALICE).title("Clean C:\\temp").build());
      add(aTodo(ALICE).title("Clean C:temp").build());

      assertThat(ids(list(ALICE, text("c:\\")))).containsExactly(backslash.id());
    }

    @Test
    void givenTasksOfEachPriority_listByPriority_returnsOnlyThatPriority() {
      add(aTodo(ALICE).priority(Priority.LOW).build());
      Todo high = add(aTodo(ALICE).priority(Priority.HIGH).build());
      add(aTodo(ALICE).priority(Priority.MEDIUM).build());

      assertThat(ids(list(ALICE, priority(Priority.HIGH)))).containsExactly(high.id());
    }

    @Test
    void givenDuesAroundALimit_listDueBefore_returnsOnlyStrictlyEarlierOnes() {
      Instant limit = Instant.parse("2026-06-01T12:00:00Z");
      Todo earlier = add(aTodo(ALICE).due(Due.at(limit.minusNanos(1_000))).build());
      add(aTodo(ALICE).due(Due.at(limit)).build());
      add(aTodo(ALICE).due(Due.at(limit.plusNanos(1_000))).build());
      add(aTodo(ALICE).due(null).build());

      assertThat(ids(list(ALICE, dueBetween(null, limit)))).containsExactly(earlier.id());
    }

    @Test
    void givenDuesAroundALimit_listDueAfter_returnsOnlyStrictlyLaterOnes() {
      Instant limit = Instant.parse("2026-06-01T12:00:00Z");
      add(aTodo(ALICE).due(Due.at(limit.minusNanos(1_000))).build());
      add(aTodo(ALICE).due(Due.at(limit)).build());
      Todo later = add(aTodo(ALICE).due(Due.at(limit.plusNanos(1_000))).build());
      add(aTodo(ALICE).due(null).build());

      assertThat(ids(list(ALICE, dueBetween(limit, null)))).containsExactly(later.id());
    }

    @Test
    void givenALimitBetweenTwoMicroseconds_listByDue_staysStrict() {
      Instant at = Instant.parse("2026-06-01T12:00:00.000001Z");
      Todo todo = add(aTodo(ALICE).due(Due.at(at)).build());

      assertThat(ids(list(ALICE, dueBetween(null, at.plusNanos(400))))).containsExactly(todo.id());
      assertThat(list(ALICE, dueBetween(null, at.minusNanos(400)))).isEmpty();
      assertThat(ids(list(ALICE, dueBetween(at.minusNanos(400), null)))).containsExactly(todo.id());
      assertThat(list(ALICE, dueBetween(at.plusNanos(400), null))).isEmpty();
    }

    @Test
    void givenAnAllDayDue_listByDue_comparesItAsTheStartOfItsDayInUtc() {
      Todo allDay = add(aTodo(ALICE).due(Due.onDay(LocalDate.parse("2026-06-01"))).build());

      Instant midnight = Instant.parse("2026-06-01T00:00:00Z");
      assertThat(ids(list(ALICE, dueBetween(null, midnight.plusNanos(1_000)))))
          .containsExactly(allDay.id());
      assertThat(ids(list(ALICE, dueBetween(midnight.minusNanos(1_000), null))))
          .containsExactly(allDay.id());
      assertThat(list(ALICE, dueBetween(midnight, null))).isEmpty();
    }

    @Test
    void givenSimilarTags_listByTag_matchesOnlyTheWholeTag() {
      Todo work = add(aTodo(ALICE).tags("urgent", "work").build());
      Todo homework = add(aTodo(ALICE).tags("homework").build());
      add(aTodo(ALICE).tags().build());

      assertThat(ids(list(ALICE, tag("work")))).containsExactly(work.id());
      assertThat(ids(list(ALICE, tag("homework")))).containsExactly(homework.id());
      assertThat(list(ALICE, tag("home"))).isEmpty();
    }

    @Test
    void givenATagFilterInUpperCase_listByTag_matchesTheLowerCaseTag() {
      Todo work = add(aTodo(ALICE).tags("work").build());

      assertThat(ids(list(ALICE, tag("WORK")))).containsExactly(work.id());
    }

    @Test
    void givenSeveralFilters_list_returnsOnlyTasksMatchingAllOfThem() {
      Instant limit = Instant.parse("2026-06-01T00:00:00Z");
      Todo match =
          add(
              aTodo(ALICE)
                  .title("Write report")
                  .priority(Priority.HIGH)
                  .tags("work")
                  .due(Due.at(limit.minusSeconds(60)))
                  .build());
      add(
          aTodo(ALICE)
              .title("Write report")
              .priority(Priority.HIGH)
              .tags("work")
              .due(Due.at(limit.minusSeconds(60)))
              .completedAt(T0.plusSeconds(1))
              .build());
      add(
          aTodo(ALICE)
              .title("Write report")
              .priority(Priority.LOW)
              .tags("work")
              .due(Due.at(limit.minusSeconds(60)))
              .build());
      add(
          aTodo(ALICE)
              .title("Write report")
              .priority(Priority.HIGH)
              .tags("home")
              .due(Due.at(limit.minusSeconds(60)))
              .build());
      add(
          aTodo(ALICE)
              .title("Write report")
              .priority(Priority.HIGH)
              .tags("work")
              .due(Due.at(limit.plusSeconds(60)))
              .build());
      add(
          aTodo(ALICE)
              .title("Read report")
              .priority(Priority.HIGH)
              .tags("work")
              .due(Due.at(limit.minusSeconds(60)))
              .build());

      TodoFilter all = new TodoFilter(Status.OPEN, "write", Priority.HIGH, limit, null, "work");

      assertThat(ids(list(ALICE, all))).containsExactly(match.id());
    }
  }

  @Nested
  class Order {

    @Test
    void givenNoTasks_list_returnsNothing() {
      assertThat(listAll(ALICE)).isEmpty();
    }

    @Test
    void givenTasksCreatedAtDifferentTimes_list_returnsNewestFirst() {
      Todo middle = add(aTodo(ALICE).createdAt(T0).build());
      Todo oldest = add(aTodo(ALICE).createdAt(T0.minusSeconds(3600)).build());
      Todo newest = add(aTodo(ALICE).createdAt(T0.plusNanos(1_000)).build());

      assertThat(ids(listAll(ALICE))).containsExactly(newest.id(), middle.id(), oldest.id());
    }

    @Test
    void givenEqualCreationTimes_list_ordersByIdDescendingAsLowerCaseHexText() {
      // Signed comparison (UUID.compareTo) would put the 8... and f... ids last; text order does
      // not.
      List<String> newestFirst =
          List.of(
              "ffffffff-ffff-4fff-bfff-ffffffffffff",
              "80000000-0000-4000-8000-000000000000",
              "7fffffff-ffff-4fff-bfff-ffffffffffff",
              "0a000000-0000-4000-8000-000000000000",
              "00000000-0000-4000-8000-00000000000a");
      for (String id :
          List.of(
              newestFirst.get(2),
              newestFirst.get(4),
              newestFirst.get(0),
              newestFirst.get(3),
              newestFirst.get(1))) {
        add(aTodo(ALICE).id(id).createdAt(T0).build());
      }

      assertThat(listAll(ALICE))
          .extracting(t -> t.id().toString())
          .containsExactlyElementsOf(newestFirst);
    }
  }

  @Nested
  class Paging {

    @Test
    void givenMoreTasksThanTheLimit_list_returnsTheNewestUpToTheLimit() {
      add(aTodo(ALICE).createdAt(T0).build());
      Todo second = add(aTodo(ALICE).createdAt(T0.plusSeconds(1)).build());
      Todo first = add(aTodo(ALICE).createdAt(T0.plusSeconds(2)).build());

      assertThat(ids(repository().list(ALICE, TodoFilter.all(), null, 2)))
          .containsExactly(first.id(), second.id());
      assertThat(repository().list(ALICE, TodoFilter.all(), null, 1)).hasSize(1);
    }

    @Test
    void givenTasksSharingTimestamps_pagingByPosition_returnsEveryTaskOnceInOrder() {
      for (Instant createdAt :
          List.of(
              T0,
              T0,
              T0,
              T0.minusNanos(1_000),
              T0.minusNanos(1_000),
              T0.minusNanos(1_000),
              T0.minusSeconds(1),
              T0.minusSeconds(1))) {
        add(aTodo(ALICE).createdAt(createdAt).build());
      }
      List<TodoId> expected = ids(listAll(ALICE));

      List<TodoId> paged = ids(readAllPages(ALICE, TodoFilter.all(), 3));

      assertThat(paged).hasSize(8).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    @Test
    void givenNewTasksAddedBetweenPageReads_paging_neitherSkipsNorRepeatsAnyTask() {
      for (int i = 0; i < 6; i++) {
        add(aTodo(ALICE).createdAt(T0).build());
      }
      List<TodoId> before = ids(listAll(ALICE));
      List<Todo> firstPage = repository().list(ALICE, TodoFilter.all(), null, 2);

      add(aTodo(ALICE).createdAt(T0.plusSeconds(1)).build());
      add(aTodo(ALICE).createdAt(T0).id("ffffffff-ffff-4fff-bfff-ffffffffffff").build());
      List<Todo> rest =
          readPagesAfter(ALICE, TodoFilter.all(), TodoPosition.of(firstPage.get(1)), 2);

      List<TodoId> seen = new ArrayList<>(ids(firstPage));
      seen.addAll(ids(rest));
      assertThat(seen).containsExactlyElementsOf(before);
    }

    @Test
    void givenThePositionsTaskWasDeleted_list_continuesRightAfterIt() {
      Todo newest = add(aTodo(ALICE).createdAt(T0.plusSeconds(2)).build());
      Todo middle = add(aTodo(ALICE).createdAt(T0.plusSeconds(1)).build());
      Todo oldest = add(aTodo(ALICE).createdAt(T0).build());
      repository().delete(ALICE, middle.id());

      assertThat(ids(repository().list(ALICE, TodoFilter.all(), TodoPosition.of(middle), 10)))
          .containsExactly(oldest.id())
          .doesNotContain(newest.id());
    }

    @Test
    void givenAPositionBetweenTwoMicroseconds_list_startsRightAfterIt() {
      // Ids chosen so that rounding the position to the nearest microsecond would wrongly drop
      // "earlier".
      Todo later =
          add(
              aTodo(ALICE)
                  .id("00000000-0000-4000-8000-000000000001")
                  .createdAt(T0.plusNanos(1_000))
                  .build());
      Todo earlier =
          add(aTodo(ALICE).id("ffffffff-ffff-4fff-bfff-ffffffffffff").createdAt(T0).build());
      TodoPosition between = new TodoPosition(T0.plusNanos(400), later.id());

      assertThat(ids(repository().list(ALICE, TodoFilter.all(), between, 10)))
          .containsExactly(earlier.id());
    }

    @Test
    void givenAFilter_pagingByPosition_pagesThroughOnlyMatchingTasks() {
      List<TodoId> done = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        add(aTodo(ALICE).createdAt(T0.minusSeconds(i)).build());
        done.add(add(aTodo(ALICE).createdAt(T0.minusSeconds(i)).completedAt(T0).build()).id());
      }

      assertThat(ids(readAllPages(ALICE, status(Status.DONE), 2))).containsExactlyElementsOf(done);
    }
  }

  // ---- helpers

  private Todo add(Todo todo) {
    repository().add(todo);
    return todo;
  }

  private Todo find(UserId owner, Todo todo) {
    return repository().find(owner, todo.id()).orElseThrow();
  }

  private void assertFound(UserId owner, Todo expected) {
    assertSameState(find(owner, expected), expected);
  }

  private static void assertSameState(Todo actual, Todo expected) {
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
  }

  private List<Todo> listAll(UserId owner) {
    return list(owner, TodoFilter.all());
  }

  private List<Todo> list(UserId owner, TodoFilter filter) {
    return repository().list(owner, filter, null, 1_000);
  }

  private List<Todo> readAllPages(UserId owner, TodoFilter filter, int pageSize) {
    return readPagesAfter(owner, filter, null, pageSize);
  }

  private List<Todo> readPagesAfter(
      UserId owner, TodoFilter filter, TodoPosition start, int pageSize) {
    List<Todo> all = new ArrayList<>();
    TodoPosition after = start;
    while (true) {
      List<Todo> page = repository().list(owner, filter, after, pageSize);
      assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      after = TodoPosition.of(page.get(page.size() - 1));
    }
  }

  private static List<TodoId> ids(List<Todo> todos) {
    return todos.stream().map(Todo::id).toList();
  }

  private static TodoFilter status(Status status) {
    return new TodoFilter(status, null, null, null, null, null);
  }

  private static TodoFilter text(String text) {
    return new TodoFilter(Status.ALL, text, null, null, null, null);
  }

  private static TodoFilter priority(Priority priority) {
    return new TodoFilter(Status.ALL, null, priority, null, null, null);
  }

  private static TodoFilter dueBetween(Instant after, Instant before) {
    return new TodoFilter(Status.ALL, null, null, before, after, null);
  }

  private static TodoFilter tag(String tag) {
    return new TodoFilter(Status.ALL, null, null, null, null, tag);
  }
}
