package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static dev.tasktalk.application.testing.ChatFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.domain.agent.ToolCallRecord;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ToolCallRepository} must do: keep each call as given, with or without a thread.
 * The port has no reader, so each implementation shows what it stored through {@link
 * #storedCalls()}.
 */
public abstract class ToolCallRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");

  private ChatThread thread;

  /** The chat repositories over the same store, for the threads calls belong to. */
  protected abstract ChatRepositories repositories();

  protected abstract ToolCallRepository toolCalls();

  /** Runs before every test; afterwards the store holds nothing at all. */
  protected abstract void reset();

  /** Every stored call, whoever made it, oldest first. */
  protected abstract List<ToolCallRecord> storedCalls();

  @BeforeEach
  void startWithOneThread() {
    reset();
    thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
  }

  @Test
  void givenAnAgentCallInAThread_record_storesEveryField() {
    ToolCallRecord call =
        new ToolCallRecord(
            UUID.randomUUID(),
            ALICE,
            thread.id(),
            UUID.randomUUID(),
            "agent",
            "add_task",
            "{\"title\":\"Buy milk\",\"tags\":[\"shop\"]}",
            "{\"task\":{\"title\":\"Buy milk\"}}",
            "ok",
            42,
            T0);

    toolCalls().record(call);

    assertThat(storedCalls()).hasSize(1);
    assertSame(storedCalls().get(0), call);
  }

  @Test
  void givenAnMcpCallWithoutThreadOrArguments_record_storesIt() {
    ToolCallRecord call =
        new ToolCallRecord(
            UUID.randomUUID(),
            BOB,
            null,
            null,
            "mcp",
            "list_tasks",
            null,
            "{\"error\":\"limit must be a whole number from 1 to 100\"}",
            "error",
            0,
            T0.plusSeconds(1));

    toolCalls().record(call);

    assertThat(storedCalls()).hasSize(1);
    assertSame(storedCalls().get(0), call);
  }

  @Test
  void givenSeveralCalls_record_keepsThemAll() {
    ToolCallRecord first = aCall(ALICE, T0);
    ToolCallRecord second = aCall(ALICE, T0.plusMillis(1));

    toolCalls().record(first);
    toolCalls().record(second);

    assertThat(storedCalls())
        .extracting(ToolCallRecord::id)
        .containsExactly(first.id(), second.id());
  }

  @Test
  void givenAnotherOwnersThread_record_isRefusedAsNotFound() {
    ToolCallRecord call =
        new ToolCallRecord(
            UUID.randomUUID(),
            BOB,
            thread.id(),
            null,
            "agent",
            "get_task",
            "{}",
            "{}",
            "ok",
            1,
            T0);

    assertThatThrownBy(() -> toolCalls().record(call)).isInstanceOf(ThreadNotFoundException.class);
    assertThat(storedCalls()).isEmpty();
  }

  private static ToolCallRecord aCall(UserId owner, Instant at) {
    return new ToolCallRecord(
        UUID.randomUUID(), owner, null, null, "mcp", "get_task", "{}", "{}", "ok", 3, at);
  }

  /**
   * Equal as stored: arguments and result are compared as JSON, whose spelling a store may change.
   */
  protected static void assertSame(ToolCallRecord actual, ToolCallRecord expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .ignoringFields("arguments", "result")
        .isEqualTo(expected);
    assertThat(actual.arguments() == null ? null : json(actual.arguments()))
        .isEqualTo(expected.arguments() == null ? null : json(expected.arguments()));
    assertThat(actual.result() == null ? null : json(actual.result()))
        .isEqualTo(expected.result() == null ? null : json(expected.result()));
  }
}
