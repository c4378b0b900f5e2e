package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aMessage;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static dev.tasktalk.application.testing.ChatFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link ThreadItemRepository} must do. Order is insertion order, whatever the
 * timestamps; payloads are compared as JSON, since a {@code jsonb} column keeps their meaning but
 * not their spelling.
 */
public abstract class ThreadItemRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");

  /**
   * A payload with nesting, unicode, escapes, numbers, booleans and null, in no particular key
   * order.
   */
  protected static final String RICH_PAYLOAD =
      """
      {"zeta": 1, "content": [{"type": "output_text", "text": "Größe \\"5\\" – ✓\\nnext line",
        "annotations": []}], "quoted_text": null, "inference_options": {"tool_choice": {"id": "t"},
        "model": "m"}, "big": 12345678901234567890, "ratio": 0.25, "flag": true, "alpha": {}}
      """;

  private ChatThread thread;

  /** The repositories under test, all over one store. */
  protected abstract ChatRepositories repositories();

  /** Runs before every test; afterwards the store holds nothing at all. */
  protected abstract void reset();

  @BeforeEach
  void startWithOneThread() {
    reset();
    thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
  }

  private ThreadItemRepository items() {
    return repositories().items();
  }

  @Nested
  class AddAndFind {

    @Test
    void givenAnItemWithARichPayload_addThenFind_returnsEveryFieldAndTheSameJson() {
      ThreadItem item =
          new ThreadItem(
              ItemId.generate(ItemType.ASSISTANT_MESSAGE),
              thread.id(),
              ItemType.ASSISTANT_MESSAGE,
              Instant.parse("2026-03-01T09:15:30.000001Z"),
              RICH_PAYLOAD);

      items().add(ALICE, item);

      assertSameItem(find(item), item);
    }

    @ParameterizedTest
    @EnumSource(ItemType.class)
    void givenAnItemOfEachType_addThenFind_keepsItsType(ItemType type) {
      ThreadItem item = new ThreadItem(ItemId.generate(type), thread.id(), type, T0, "{}");

      items().add(ALICE, item);

      assertThat(find(item).type()).isEqualTo(type);
    }

    @Test
    void givenAnItemIdUsedInTwoThreads_find_returnsEachThreadsOwn() {
      ChatThread other = addThread(ALICE, T0);
      ThreadItem first = aMessage(thread.id(), T0, "first");
      ThreadItem second = new ThreadItem(first.id(), other.id(), first.type(), T0, "{\"n\": 2}");
      items().add(ALICE, first);
      items().add(ALICE, second);

      assertSameItem(find(first), first);
      assertSameItem(find(second), second);
    }

    @Test
    void givenAnItemAlreadyStored_addAgain_isRefused() {
      ThreadItem item = add(aMessage(thread.id(), T0, "once"));

      assertThatThrownBy(() -> items().add(ALICE, item.withPayload("{\"twice\": true}")))
          .isInstanceOf(IllegalStateException.class);
      assertSameItem(find(item), item);
    }

    @Test
    void givenAnotherOwnersThread_add_isRefusedAsNotFound() {
      assertThatThrownBy(() -> items().add(BOB, aMessage(thread.id(), T0, "sneaky")))
          .isInstanceOf(ThreadNotFoundException.class);
      assertThat(items().list(ALICE, thread.id(), null, 10, false).data()).isEmpty();
    }

    @Test
    void givenAMissingThread_add_isRefusedAsNotFound() {
      assertThatThrownBy(() -> items().add(ALICE, aMessage(ThreadId.generate(), T0, "lost")))
          .isInstanceOf(ThreadNotFoundException.class);
    }

    @Test
    void givenAnotherOwnersItem_find_returnsEmpty() {
      ThreadItem item = add(aMessage(thread.id(), T0, "private"));

      assertThat(items().find(BOB, thread.id(), item.id())).isEmpty();
      assertThat(items().find(ALICE, thread.id(), ItemId.generate(ItemType.USER_MESSAGE)))
          .isEmpty();
    }
  }

  @Nested
  class Save {

    @Test
    void givenAStoredItem_save_replacesItKeepingItsPlace() {
      ThreadItem first = add(aMessage(thread.id(), T0, "one"));
      ThreadItem second = add(aMessage(thread.id(), T0, "two"));
      ThreadItem changed =
          new ThreadItem(
              first.id(),
              thread.id(),
              ItemType.WIDGET,
              T0.plusSeconds(5),
              "{\"widget\": {\"type\": \"Card\", \"children\": []}, \"copy_text\": \"x\"}");

      items().save(ALICE, changed);

      assertSameItem(find(first), changed);
      assertThat(ids(listAll(false))).containsExactly(first.id(), second.id());
    }

    @Test
    void givenANewItem_save_appendsIt() {
      ThreadItem first = add(aMessage(thread.id(), T0, "one"));
      ThreadItem saved = aMessage(thread.id(), T0.minusSeconds(60), "older stamp, newer item");

      items().save(ALICE, saved);

      assertSameItem(find(saved), saved);
      assertThat(ids(listAll(false))).containsExactly(first.id(), saved.id());
    }

    @Test
    void givenAnotherOwnersThread_save_isRefusedAndChangesNothing() {
      ThreadItem item = add(aMessage(thread.id(), T0, "mine"));

      assertThatThrownBy(() -> items().save(BOB, item.withPayload("{\"stolen\": true}")))
          .isInstanceOf(ThreadNotFoundException.class);
      assertSameItem(find(item), item);
    }
  }

  @Nested
  class Delete {

    @Test
    void givenAnItem_delete_removesOnlyIt() {
      ThreadItem doomed = add(aMessage(thread.id(), T0, "bye"));
      ThreadItem kept = add(aMessage(thread.id(), T0, "stay"));

      assertThat(items().delete(ALICE, thread.id(), doomed.id())).isTrue();

      assertThat(ids(listAll(false))).containsExactly(kept.id());
      assertThat(items().delete(ALICE, thread.id(), doomed.id())).isFalse();
    }

    @Test
    void givenAnotherOwnersItem_delete_returnsFalseAndKeepsIt() {
      ThreadItem item = add(aMessage(thread.id(), T0, "mine"));

      assertThat(items().delete(BOB, thread.id(), item.id())).isFalse();

      assertSameItem(find(item), item);
    }

    @Test
    void givenItemsAfterAnItem_deleteAfter_removesOnlyTheLaterOnes() {
      ThreadItem first = add(aMessage(thread.id(), T0.plusSeconds(9), "one"));
      ThreadItem anchor = add(aMessage(thread.id(), T0, "two"));
      add(aMessage(thread.id(), T0.minusSeconds(9), "three"));
      add(aMessage(thread.id(), T0, "four"));
      ChatThread other = addThread(ALICE, T0);
      ThreadItem elsewhere = add(aMessage(other.id(), T0.plusSeconds(99), "other thread"));

      assertThat(items().deleteAfter(ALICE, thread.id(), anchor.id())).isEqualTo(2);

      assertThat(ids(listAll(false))).containsExactly(first.id(), anchor.id());
      assertThat(items().find(ALICE, other.id(), elsewhere.id())).isPresent();
    }

    @Test
    void givenAnotherOwnerOrAnUnknownItem_deleteAfter_deletesNothing() {
      ThreadItem anchor = add(aMessage(thread.id(), T0, "one"));
      add(aMessage(thread.id(), T0, "two"));

      assertThat(items().deleteAfter(BOB, thread.id(), anchor.id())).isZero();
      assertThat(items().deleteAfter(ALICE, thread.id(), ItemId.generate(ItemType.USER_MESSAGE)))
          .isZero();
      assertThat(listAll(false)).hasSize(2);
    }
  }

  @Nested
  class Listing {

    @Test
    void givenItemsWithShuffledTimestamps_list_followsInsertionOrder() {
      ThreadItem a = add(aMessage(thread.id(), T0.plusSeconds(30), "a"));
      ThreadItem b = add(aMessage(thread.id(), T0.minusSeconds(30), "b"));
      ThreadItem c = add(aMessage(thread.id(), T0, "c"));

      assertThat(ids(listAll(false))).containsExactly(a.id(), b.id(), c.id());
      assertThat(ids(listAll(true))).containsExactly(c.id(), b.id(), a.id());
    }

    @Test
    void givenItemsSharingOneTimestamp_pagingEitherWay_returnsEveryItemOnceInInsertionOrder() {
      List<ItemId> inserted = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        inserted.add(add(aMessage(thread.id(), T0, "same time " + i)).id());
      }
      List<ItemId> newestFirst = new ArrayList<>(inserted);
      Collections.reverse(newestFirst);

      for (int pageSize = 1; pageSize <= 4; pageSize++) {
        assertThat(readAllPages(pageSize, false)).containsExactlyElementsOf(inserted);
        assertThat(readAllPages(pageSize, true)).containsExactlyElementsOf(newestFirst);
      }
    }

    @Test
    void givenAnAfter_list_startsStrictlyAfterItInEitherOrder() {
      ThreadItem a = add(aMessage(thread.id(), T0, "a"));
      ThreadItem b = add(aMessage(thread.id(), T0, "b"));
      ThreadItem c = add(aMessage(thread.id(), T0, "c"));

      Page<ThreadItem> forward = items().list(ALICE, thread.id(), a.id(), 1, false);
      Page<ThreadItem> backward = items().list(ALICE, thread.id(), c.id(), 5, true);

      assertThat(ids(forward.data())).containsExactly(b.id());
      assertThat(forward.hasMore()).isTrue();
      assertThat(ids(backward.data())).containsExactly(b.id(), a.id());
      assertThat(backward.hasMore()).isFalse();
      assertThat(items().list(ALICE, thread.id(), c.id(), 5, false).data()).isEmpty();
    }

    @Test
    void givenExactlyLimitItems_list_saysNoMoreFollow() {
      add(aMessage(thread.id(), T0, "a"));
      add(aMessage(thread.id(), T0, "b"));

      assertThat(items().list(ALICE, thread.id(), null, 2, true).hasMore()).isFalse();
      assertThat(items().list(ALICE, thread.id(), null, 1, true).hasMore()).isTrue();
    }

    @Test
    void givenAnotherOwnersThread_list_returnsAnEmptyPage() {
      add(aMessage(thread.id(), T0, "private"));

      Page<ThreadItem> page = items().list(BOB, thread.id(), null, 10, true);

      assertThat(page.data()).isEmpty();
      assertThat(page.hasMore()).isFalse();
    }

    @Test
    void givenAnUnknownAfter_list_rejectsIt() {
      add(aMessage(thread.id(), T0, "a"));

      assertRejectedAfter(ALICE, thread.id(), ItemId.generate(ItemType.USER_MESSAGE));
    }

    @Test
    void givenAnAfterFromAnotherThreadOrOwner_list_rejectsIt() {
      ThreadItem mine = add(aMessage(thread.id(), T0, "a"));
      ChatThread other = addThread(ALICE, T0);
      ThreadItem elsewhere = add(aMessage(other.id(), T0, "b"));

      assertRejectedAfter(ALICE, thread.id(), elsewhere.id());
      assertRejectedAfter(BOB, thread.id(), mine.id());
    }

    @Test
    void givenManyItems_latest_returnsTheNewestOldestFirst() {
      List<ItemId> inserted = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        inserted.add(add(aMessage(thread.id(), T0.minusSeconds(i), "m" + i)).id());
      }

      assertThat(ids(items().latest(ALICE, thread.id(), 3)))
          .containsExactlyElementsOf(inserted.subList(2, 5));
      assertThat(ids(items().latest(ALICE, thread.id(), 50))).containsExactlyElementsOf(inserted);
      assertThat(items().latest(ALICE, thread.id(), 0)).isEmpty();
      assertThat(items().latest(BOB, thread.id(), 3)).isEmpty();
    }

    private List<ItemId> readAllPages(int pageSize, boolean descending) {
      List<ItemId> all = new ArrayList<>();
      ItemId after = null;
      Page<ThreadItem> page;
      do {
        page = items().list(ALICE, thread.id(), after, pageSize, descending);
        assertThat(page.data()).hasSizeLessThanOrEqualTo(pageSize);
        all.addAll(ids(page.data()));
        after = page.data().isEmpty() ? after : page.data().get(page.data().size() - 1).id();
      } while (page.hasMore());
      return all;
    }

    private void assertRejectedAfter(UserId owner, ThreadId threadId, ItemId after) {
      for (boolean descending : new boolean[] {false, true}) {
        assertThatThrownBy(() -> items().list(owner, threadId, after, 10, descending))
            .isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("after"));
      }
    }
  }

  // ---- helpers

  private ChatThread addThread(UserId owner, Instant createdAt) {
    ChatThread added = aThread(owner, createdAt);
    repositories().threads().add(added);
    return added;
  }

  private ThreadItem add(ThreadItem item) {
    items().add(ALICE, item);
    return item;
  }

  private ThreadItem find(ThreadItem item) {
    return items().find(ALICE, item.threadId(), item.id()).orElseThrow();
  }

  private List<ThreadItem> listAll(boolean descending) {
    return items().list(ALICE, thread.id(), null, 1_000, descending).data();
  }

  /** Same item, field by field; the payload as JSON. */
  protected static void assertSameItem(ThreadItem actual, ThreadItem expected) {
    assertThat(actual).usingRecursiveComparison().ignoringFields("payload").isEqualTo(expected);
    assertThat(json(actual.payload())).isEqualTo(json(expected.payload()));
  }

  private static List<ItemId> ids(List<ThreadItem> items) {
    return items.stream().map(ThreadItem::id).toList();
  }
}
