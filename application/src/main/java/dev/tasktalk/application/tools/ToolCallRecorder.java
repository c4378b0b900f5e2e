package dev.tasktalk.application.tools;

import dev.tasktalk.application.json.MalformedJsonException;
import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.domain.agent.ToolCallRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes one {@link ToolCallRecord} per call. The record is bookkeeping: when it cannot be written
 * the call still stands, and the failure is logged instead.
 */
final class ToolCallRecorder {

  private static final System.Logger LOG = System.getLogger(ToolCallRecorder.class.getName());
  private static final int MAX_NAME = 200;

  private final ToolCallRepository calls;
  private final Clock clock;

  ToolCallRecorder(ToolCallRepository calls, Clock clock) {
    this.calls = Objects.requireNonNull(calls);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Runs {@code call} and records it, timed: its outcome, or the exception it throws (then
   * rethrown).
   */
  ToolOutcome recorded(
      ToolContext context, String name, String arguments, Supplier<ToolOutcome> call) {
    Instant started = clock.instant();
    ToolOutcome outcome;
    try {
      outcome = call.get();
    } catch (RuntimeException failure) {
      save(
          context,
          name,
          arguments,
          ToolJson.error("unexpected failure: " + failure.getClass().getSimpleName()),
          "error",
          started);
      throw failure;
    }
    save(context, name, arguments, outcome.content(), outcome.error() ? "error" : "ok", started);
    return outcome;
  }

  private void save(
      ToolContext context,
      String name,
      String arguments,
      String result,
      String status,
      Instant started) {
    try {
      long millis = Math.max(0, Duration.between(started, clock.instant()).toMillis());
      calls.record(
          new ToolCallRecord(
              UUID.randomUUID(),
              context.owner(),
              context.threadId(),
              context.runId(),
              context.surface(),
              shorten(name),
              storable(arguments),
              result,
              status,
              millis,
              started));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not record a call of tool " + shorten(name), e);
    }
  }

  private static String shorten(String name) {
    String known = name == null ? "" : name;
    return known.length() <= MAX_NAME ? known : known.substring(0, MAX_NAME);
  }

  /**
   * The arguments as JSON the record can hold: as sent when they are JSON, else as a JSON string.
   */
  private static String storable(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return null;
    }
    try {
      return ToolJson.write(ToolJson.read(arguments));
    } catch (MalformedJsonException e) {
      return ToolJson.quote(arguments);
    }
  }
}
