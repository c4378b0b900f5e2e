package dev.tasktalk.domain.agent;

import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One executed (or refused) tool call, for the record: who, where ({@code surface} agent or mcp;
 * the thread and run when in a chat), which tool with which arguments, the result, how it ended and
 * how long it took.
 */
public record ToolCallRecord(
    UUID id,
    UserId owner,
    ThreadId threadId,
    UUID runId,
    String surface,
    String name,
    String arguments,
    String result,
    String status,
    long durationMillis,
    Instant at) {

  public ToolCallRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
