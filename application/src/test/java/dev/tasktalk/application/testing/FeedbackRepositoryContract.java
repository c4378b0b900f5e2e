package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.application.testing.InMemoryFeedbackRepository.Feedback;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FeedbackRepository} must do; {@link #storedFeedback} reads past the port. */
public abstract class FeedbackRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");

  private ChatThread thread;

  /** The repositories under test, all over one store. */
  protected abstract ChatRepositories repositories();

  /** Runs before every test; afterwards the store holds nothing at all. */
  protected abstract void reset();

  /** Everything stored, oldest first. */
  protected abstract List<Feedback> storedFeedback();

  @BeforeEach
  void startWithOneThread() {
    reset();
    thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
  }

  @Test
  void givenFeedbackOnSeveralItems_add_storesItAsGiven() {
    List<ItemId> items = List.of(new ItemId("msg_2"), new ItemId("wf_1"), new ItemId("msg_1"));

    repositories().feedback().add(ALICE, thread.id(), items, "negative", T0);
    repositories().feedback().add(ALICE, thread.id(), List.of(new ItemId("msg_3")), "positive", T0);

    assertThat(storedFeedback())
        .containsExactly(
            new Feedback(ALICE, thread.id(), items, "negative", T0),
            new Feedback(ALICE, thread.id(), List.of(new ItemId("msg_3")), "positive", T0));
  }

  @Test
  void givenAnUnknownKind_add_isRefused() {
    assertThatThrownBy(
            () -> repositories().feedback().add(ALICE, thread.id(), List.of(), "meh", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(storedFeedback()).isEmpty();
  }

  @Test
  void givenAnotherOwnersThread_add_isRefusedAsNotFound() {
    assertThatThrownBy(
            () -> repositories().feedback().add(BOB, thread.id(), List.of(), "positive", T0))
        .isInstanceOf(ThreadNotFoundException.class);
    assertThat(storedFeedback()).isEmpty();
  }

  @Test
  void givenADeletedThread_itsFeedback_isGone() {
    repositories().feedback().add(ALICE, thread.id(), List.of(new ItemId("msg_1")), "positive", T0);

    repositories().threads().delete(ALICE, thread.id());

    assertThat(storedFeedback()).isEmpty();
  }
}
