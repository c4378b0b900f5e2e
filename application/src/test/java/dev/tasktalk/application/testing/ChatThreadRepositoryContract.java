package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aMessage;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static dev.tasktalk.application.testing.ChatFixtures.anAttachment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadStatus;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatThreadRepository} must do. The in-memory fake and the JPA adapter both run
 * it; deleting is checked together with the items and attachments that go with a thread.
 */
public abstract class ChatThreadRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");

  /** The repositories under test, all over one store. */
  protected abstract ChatRepositories repositories();

  /** Runs before every test; afterwards the store holds nothing at all. */
  protected abstract void reset();

  @BeforeEach
  void startEmpty() {
    reset();
  }

  private ChatThreadRepository threads() {
    return repositories().threads();
  }

  @Nested
  class AddAndFind {

    @Test
    void givenAThreadWithEveryFieldSet_addThenFind_returnsEveryField() {
      ChatThread thread =
          ChatThread.restore(
              ThreadId.generate(),
              ALICE,
              Instant.parse("2026-03-01T09:15:30.000001Z"),
              "Trip to Lisbon – ✈️",
              new ThreadStatus(ThreadStatus.Kind.LOCKED, "Read only while we migrate"));

      assertFound(ALICE, add(thread));
    }

    @Test
    void givenAnUntitledActiveThread_addThenFind_returnsItUntitledAndActive() {
      ChatThread thread = add(aThread(ALICE, T0));

      ChatThread found = threads().find(ALICE, thread.id()).orElseThrow();

      assertThat(found.title()).isEmpty();
      assertThat(found.status()).isEqualTo(ThreadStatus.ACTIVE);
      assertSameState(found, thread);
    }

    @Test
    void givenAnUnknownId_find_returnsEmpty() {
      add(aThread(ALICE, T0));

      assertThat(threads().find(ALICE, ThreadId.generate())).isEmpty();
    }

    @Test
    void givenAnotherOwnersThread_find_returnsEmpty() {
      ChatThread thread = add(aThread(ALICE, T0));

      assertThat(threads().find(BOB, thread.id())).isEmpty();
    }
  }

  @Nested
  class Update {

    @Test
    void givenAChangedTitleAndStatus_update_storesBoth() {
      ChatThread thread = add(aThread(ALICE, T0));
      thread.retitle("Groceries");
      thread.changeStatus(new ThreadStatus(ThreadStatus.Kind.CLOSED, "Archived"));

      assertThat(threads().update(thread)).isTrue();

      assertFound(ALICE, thread);
    }

    @Test
    void givenAClearedTitle_update_storesItUntitled() {
      ChatThread thread = aThread(ALICE, T0);
      thread.retitle("Groceries");
      add(thread);
      thread.retitle("");

      threads().update(thread);

      assertThat(threads().find(ALICE, thread.id()).orElseThrow().title()).isEmpty();
    }

    @Test
    void givenAnotherOwnersThread_update_returnsFalseAndChangesNothing() {
      ChatThread alices = add(aThread(ALICE, T0));
      ChatThread forged = ChatThread.restore(alices.id(), BOB, T0, "Mine now", ThreadStatus.ACTIVE);

      assertThat(threads().update(forged)).isFalse();

      assertFound(ALICE, alices);
    }

    @Test
    void givenAMissingThread_update_returnsFalse() {
      assertThat(threads().update(aThread(ALICE, T0))).isFalse();
    }
  }

  @Nested
  class Delete {

    @Test
    void givenAThread_delete_removesIt() {
      ChatThread thread = add(aThread(ALICE, T0));

      assertThat(threads().delete(ALICE, thread.id())).isTrue();

      assertThat(threads().find(ALICE, thread.id())).isEmpty();
      assertThat(threads().delete(ALICE, thread.id())).isFalse();
    }

    @Test
    void givenAnotherOwnersThread_delete_returnsFalseAndKeepsIt() {
      ChatThread thread = add(aThread(ALICE, T0));

      assertThat(threads().delete(BOB, thread.id())).isFalse();

      assertFound(ALICE, thread);
    }

    @Test
    void givenAThreadWithItems_delete_removesItsItemsOnly() {
      ChatThread doomed = add(aThread(ALICE, T0));
      ChatThread kept = add(aThread(ALICE, T0));
      ThreadItem doomedItem = aMessage(doomed.id(), T0, "bye");
      ThreadItem keptItem = aMessage(kept.id(), T0, "stay");
      repositories().items().add(ALICE, doomedItem);
      repositories().items().add(ALICE, keptItem);

      threads().delete(ALICE, doomed.id());

      assertThat(repositories().items().find(ALICE, doomed.id(), doomedItem.id())).isEmpty();
      assertThat(repositories().items().list(ALICE, doomed.id(), null, 10, false).data()).isEmpty();
      assertThat(repositories().items().find(ALICE, kept.id(), keptItem.id())).isPresent();
    }

    @Test
    void givenAThreadWithAttachments_delete_removesTheThreadsAttachmentsOnly() {
      ChatThread doomed = add(aThread(ALICE, T0));
      Attachment inDoomed = anAttachment(ALICE).inThread(doomed.id());
      Attachment unused = anAttachment(ALICE);
      repositories().attachments().save(inDoomed);
      repositories().attachments().save(unused);
      repositories().attachments().storeContent(ALICE, inDoomed.id(), new byte[] {1, 2, 3});

      threads().delete(ALICE, doomed.id());

      assertThat(repositories().attachments().find(ALICE, inDoomed.id())).isEmpty();
      assertThat(repositories().attachments().content(ALICE, inDoomed.id())).isEmpty();
      assertThat(repositories().attachments().find(ALICE, unused.id())).isPresent();
    }
  }

  @Nested
  class Listing {

    @Test
    void givenThreadsCreatedAtDifferentTimes_list_ordersByCreationTime() {
      ChatThread middle = add(aThread(ALICE, T0));
      ChatThread oldest = add(aThread(ALICE, T0.minusSeconds(60)));
      ChatThread newest = add(aThread(ALICE, T0.plusNanos(1_000)));

      assertThat(ids(threads().list(ALICE, null, 10, true).data()))
          .containsExactly(newest.id(), middle.id(), oldest.id());
      assertThat(ids(threads().list(ALICE, null, 10, false).data()))
          .containsExactly(oldest.id(), middle.id(), newest.id());
    }

    @Test
    void givenOtherOwnersThreads_list_showsOnlyTheCallersOwn() {
      ChatThread alices = add(aThread(ALICE, T0));
      add(aThread(BOB, T0));

      assertThat(ids(threads().list(ALICE, null, 10, true).data())).containsExactly(alices.id());
      assertThat(threads().list(new UserId("carol"), null, 10, true).data()).isEmpty();
    }

    @Test
    void givenExactlyLimitThreads_list_saysNoMoreFollow() {
      add(aThread(ALICE, T0));
      add(aThread(ALICE, T0.plusSeconds(1)));

      Page<ChatThread> page = threads().list(ALICE, null, 2, true);

      assertThat(page.data()).hasSize(2);
      assertThat(page.hasMore()).isFalse();
      assertThat(threads().list(ALICE, null, 1, true).hasMore()).isTrue();
    }

    @Test
    void givenThreadsSharingTimestamps_pagingEitherWay_returnsEveryThreadOnceInOneOrder() {
      for (Instant at : List.of(T0, T0, T0, T0.plusNanos(1_000), T0.plusNanos(1_000), T0, T0)) {
        add(aThread(ALICE, at));
      }
      List<ThreadId> ascending = ids(threads().list(ALICE, null, 100, false).data());
      List<ThreadId> descending = new ArrayList<>(ascending);
      Collections.reverse(descending);

      assertThat(ascending).hasSize(7).doesNotHaveDuplicates();
      assertThat(ids(threads().list(ALICE, null, 100, true).data()))
          .containsExactlyElementsOf(descending);
      for (int pageSize = 1; pageSize <= 4; pageSize++) {
        assertThat(readAllPages(pageSize, false)).containsExactlyElementsOf(ascending);
        assertThat(readAllPages(pageSize, true)).containsExactlyElementsOf(descending);
      }
    }

    @Test
    void givenAnUnknownAfter_list_rejectsIt() {
      add(aThread(ALICE, T0));

      assertThatThrownBy(() -> threads().list(ALICE, ThreadId.generate(), 10, true))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("after"));
    }

    @Test
    void givenAnotherOwnersThreadAsAfter_list_rejectsIt() {
      ChatThread bobs = add(aThread(BOB, T0));
      add(aThread(ALICE, T0.minusSeconds(1)));

      assertThatThrownBy(() -> threads().list(ALICE, bobs.id(), 10, true))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("after"));
    }

    private List<ThreadId> readAllPages(int pageSize, boolean descending) {
      List<ThreadId> all = new ArrayList<>();
      ThreadId after = null;
      Page<ChatThread> page;
      do {
        page = threads().list(ALICE, after, pageSize, descending);
        assertThat(page.data()).hasSizeLessThanOrEqualTo(pageSize);
        all.addAll(ids(page.data()));
        after = page.data().isEmpty() ? after : page.data().get(page.data().size() - 1).id();
      } while (page.hasMore());
      return all;
    }
  }

  // ---- helpers

  private ChatThread add(ChatThread thread) {
    threads().add(thread);
    return thread;
  }

  private void assertFound(UserId owner, ChatThread expected) {
    assertSameState(threads().find(owner, expected.id()).orElseThrow(), expected);
  }

  private static void assertSameState(ChatThread actual, ChatThread expected) {
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
  }

  private static List<ThreadId> ids(List<ChatThread> threads) {
    return threads.stream().map(ChatThread::id).toList();
  }
}
