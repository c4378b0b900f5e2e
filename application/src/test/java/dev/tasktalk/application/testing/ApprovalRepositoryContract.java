package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static dev.tasktalk.application.testing.ChatFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.shared.Ids;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ApprovalRepository} must do: keep approvals per owner, in the owner's threads,
 * and let each pending one be decided exactly once, also when several decisions arrive at the same
 * moment.
 */
public abstract class ApprovalRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");
  protected static final String ARGUMENTS =
      "{\"task_id\":\"7d7f3c1e-8f7e-4a8e-9a43-5d1c2b3a4f5e\",\"confirm\":true}";

  private ChatThread thread;

  /** The chat repositories over the same store, for the threads approvals belong to. */
  protected abstract ChatRepositories repositories();

  protected abstract ApprovalRepository approvals();

  /** Runs before every test; afterwards the store holds nothing at all. */
  protected abstract void reset();

  @BeforeEach
  void startWithOneThread() {
    reset();
    thread = addThread(ALICE);
  }

  @Test
  void givenAnAddedApproval_find_returnsItAsAdded() {
    Approval approval = add(anApproval(ALICE, thread, T0));

    assertSame(approvals().find(ALICE, approval.id()), approval);
  }

  @Test
  void givenAnotherOwnerOrAnUnknownId_find_findsNothing() {
    Approval approval = add(anApproval(ALICE, thread, T0));

    assertThat(approvals().find(BOB, approval.id())).isEmpty();
    assertThat(approvals().find(ALICE, "apr_unknown")).isEmpty();
  }

  @Test
  void givenAnotherOwnersOrAMissingThread_add_isRefusedAsNotFound() {
    assertThatThrownBy(() -> approvals().add(anApproval(BOB, thread, T0)))
        .isInstanceOf(ThreadNotFoundException.class);
    ChatThread missing = aThread(ALICE, T0);
    assertThatThrownBy(() -> approvals().add(anApproval(ALICE, missing, T0)))
        .isInstanceOf(ThreadNotFoundException.class);
    assertThat(approvals().pending(ALICE, thread.id())).isEmpty();
  }

  @Test
  void givenAnExistingId_add_isRefused() {
    Approval approval = add(anApproval(ALICE, thread, T0));

    assertThatThrownBy(() -> approvals().add(approval)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenADecidedApproval_add_isRefused() {
    Approval decided = withStatus(anApproval(ALICE, thread, T0), ApprovalStatus.CONFIRMED, T0);

    assertThatThrownBy(() -> approvals().add(decided)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAPendingApproval_decide_movesItOnce() {
    Approval approval = add(anApproval(ALICE, thread, T0));
    Instant at = T0.plusSeconds(5);

    assertThat(approvals().decide(ALICE, approval.id(), ApprovalStatus.CONFIRMED, at)).isTrue();

    assertSame(
        approvals().find(ALICE, approval.id()), withStatus(approval, ApprovalStatus.CONFIRMED, at));
  }

  @Test
  void givenADecidedApproval_decideAgain_changesNothing() {
    Approval approval = add(anApproval(ALICE, thread, T0));
    approvals().decide(ALICE, approval.id(), ApprovalStatus.CANCELLED, T0.plusSeconds(1));

    assertThat(
            approvals().decide(ALICE, approval.id(), ApprovalStatus.CONFIRMED, T0.plusSeconds(2)))
        .isFalse();

    assertSame(
        approvals().find(ALICE, approval.id()),
        withStatus(approval, ApprovalStatus.CANCELLED, T0.plusSeconds(1)));
  }

  @Test
  void givenAnotherOwnerOrAnUnknownId_decide_changesNothing() {
    Approval approval = add(anApproval(ALICE, thread, T0));

    assertThat(approvals().decide(BOB, approval.id(), ApprovalStatus.CONFIRMED, T0)).isFalse();
    assertThat(approvals().decide(ALICE, "apr_unknown", ApprovalStatus.CONFIRMED, T0)).isFalse();

    assertSame(approvals().find(ALICE, approval.id()), approval);
  }

  @Test
  void givenPendingAsTheDecision_decide_isRefused() {
    Approval approval = add(anApproval(ALICE, thread, T0));

    assertThatThrownBy(() -> approvals().decide(ALICE, approval.id(), ApprovalStatus.PENDING, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenManyDecisionsAtOnce_decide_letsExactlyOneWin() throws Exception {
    Approval approval = add(anApproval(ALICE, thread, T0));
    int clicks = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clicks);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < clicks; i++) {
        ApprovalStatus decision = i % 2 == 0 ? ApprovalStatus.CONFIRMED : ApprovalStatus.CANCELLED;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return approvals().decide(ALICE, approval.id(), decision, T0.plusSeconds(1));
                }));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
      assertThat(approvals().find(ALICE, approval.id()))
          .get()
          .extracting(Approval::pending)
          .isEqualTo(false);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenApprovalsInSeveralStates_pending_listsTheThreadsUndecidedOnesOldestFirst() {
    Approval newest = add(anApproval(ALICE, thread, T0.plusSeconds(20)));
    Approval oldest = add(anApproval(ALICE, thread, T0));
    Approval decided = add(anApproval(ALICE, thread, T0.plusSeconds(5)));
    Approval middle = add(anApproval(ALICE, thread, T0.plusSeconds(10)));
    approvals().decide(ALICE, decided.id(), ApprovalStatus.SUPERSEDED, T0.plusSeconds(30));
    add(anApproval(ALICE, addThread(ALICE), T0));
    add(anApproval(BOB, addThread(BOB), T0));

    List<Approval> pending = approvals().pending(ALICE, thread.id());

    assertThat(pending)
        .extracting(Approval::id)
        .containsExactly(oldest.id(), middle.id(), newest.id());
    assertSame(Optional.of(pending.get(0)), oldest);
    assertThat(approvals().pending(BOB, thread.id())).isEmpty();
  }

  @Test
  void givenTiedCreationTimes_pending_ordersById() {
    Approval b = add(withId(anApproval(ALICE, thread, T0), "apr_b"));
    Approval a = add(withId(anApproval(ALICE, thread, T0), "apr_a"));

    assertThat(approvals().pending(ALICE, thread.id()))
        .extracting(Approval::id)
        .containsExactly(a.id(), b.id());
  }

  /** A pending approval of a delete in the owner's {@code thread}. */
  protected static Approval anApproval(UserId owner, ChatThread thread, Instant createdAt) {
    return new Approval(
        Ids.generate("apr"),
        owner,
        thread.id(),
        ItemId.generate(ItemType.WIDGET),
        Ids.generate("call"),
        "delete_task",
        ARGUMENTS,
        ApprovalStatus.PENDING,
        createdAt,
        null);
  }

  protected ChatThread addThread(UserId owner) {
    ChatThread added = aThread(owner, T0);
    repositories().threads().add(added);
    return added;
  }

  protected Approval add(Approval approval) {
    approvals().add(approval);
    return approval;
  }

  /** Equal as stored: the arguments are compared as JSON, whose spelling a store may change. */
  protected static void assertSame(Optional<Approval> actual, Approval expected) {
    assertThat(actual).isPresent();
    assertThat(actual.get())
        .usingRecursiveComparison()
        .ignoringFields("arguments")
        .isEqualTo(expected);
    assertThat(json(actual.get().arguments())).isEqualTo(json(expected.arguments()));
  }

  private static Approval withStatus(Approval a, ApprovalStatus status, Instant decidedAt) {
    return new Approval(
        a.id(),
        a.owner(),
        a.threadId(),
        a.widgetItemId(),
        a.toolCallId(),
        a.toolName(),
        a.arguments(),
        status,
        a.createdAt(),
        decidedAt);
  }

  private static Approval withId(Approval a, String id) {
    return new Approval(
        id,
        a.owner(),
        a.threadId(),
        a.widgetItemId(),
        a.toolCallId(),
        a.toolName(),
        a.arguments(),
        a.status(),
        a.createdAt(),
        a.decidedAt());
  }
}
