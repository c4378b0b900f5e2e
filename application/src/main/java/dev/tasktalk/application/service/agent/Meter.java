package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Counts a turn's usage as it goes; read once at the end as {@link TurnMetrics}. */
final class Meter {

  private final Clock clock;
  private final Instant started;
  private Long inputTokens;
  private Long outputTokens;
  private Duration firstToken;
  private int modelCalls;
  private int toolCalls;

  Meter(Clock clock) {
    this.clock = clock;
    this.started = clock.instant();
  }

  synchronized void modelCalled() {
    modelCalls++;
  }

  synchronized void toolCalled() {
    toolCalls++;
  }

  synchronized void text() {
    if (firstToken == null) {
      firstToken = Duration.between(started, clock.instant());
    }
  }

  synchronized void finished(ModelEvent.Finished finished) {
    inputTokens = add(inputTokens, finished.inputTokens());
    outputTokens = add(outputTokens, finished.outputTokens());
  }

  synchronized TurnMetrics metrics(UserId owner, ThreadId thread, String model) {
    return new TurnMetrics(
        owner, thread, model, inputTokens, outputTokens, firstToken, modelCalls, toolCalls);
  }

  /** Null stays null until a provider reports a count; never unboxes a null (see MeterTest). */
  private static Long add(Long sum, Long value) {
    if (value == null) {
      return sum;
    }
    return sum == null ? value : Long.valueOf(sum + value);
  }
}
