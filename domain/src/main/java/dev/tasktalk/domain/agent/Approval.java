package dev.tasktalk.domain.agent;

import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A destructive tool call waiting for its owner's decision. The confirmation widget ({@code
 * widgetItemId}) carries {@code id}; the decision runs or cancels the call, whose id ties the
 * outcome back to the model's original tool call.
 */
public record Approval(
    String id,
    UserId owner,
    ThreadId threadId,
    ItemId widgetItemId,
    String toolCallId,
    String toolName,
    String arguments,
    ApprovalStatus status,
    Instant createdAt,
    Instant decidedAt) {

  public Approval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(widgetItemId, "widgetItemId");
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(status, "status");
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    decidedAt = decidedAt == null ? null : decidedAt.truncatedTo(ChronoUnit.MICROS);
  }

  public boolean pending() {
    return status == ApprovalStatus.PENDING;
  }
}
