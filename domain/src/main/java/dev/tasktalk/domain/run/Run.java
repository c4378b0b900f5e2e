package dev.tasktalk.domain.run;

import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One response of the assistant in a thread, from the moment it starts to its end, with what it
 * cost: model, token usage, time to first token and duration. Runs are how "one response at a time
 * per thread" is enforced and how a crash is noticed (a run left running is interrupted at
 * start-up).
 */
public record Run(
    UUID id,
    UserId owner,
    ThreadId threadId,
    RunStatus status,
    Instant startedAt,
    Instant finishedAt,
    String model,
    Long inputTokens,
    Long outputTokens,
    Duration firstToken,
    String error) {

  public Run {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(status, "status");
    startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
    finishedAt = finishedAt == null ? null : finishedAt.truncatedTo(ChronoUnit.MICROS);
  }

  public static Run start(UserId owner, ThreadId threadId, Instant now) {
    return new Run(
        UUID.randomUUID(),
        owner,
        threadId,
        RunStatus.RUNNING,
        now,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The finished run; usage and timings may be null when unknown. */
  public Run finish(
      RunStatus outcome,
      Instant now,
      String usedModel,
      Long in,
      Long out,
      Duration toFirstToken,
      String failure) {
    return new Run(
        id, owner, threadId, outcome, startedAt, now, usedModel, in, out, toFirstToken, failure);
  }
}
