package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.domain.agent.Approval;
import dev.tasktalk.domain.agent.ApprovalStatus;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Reads an {@code approvals} row, selected by {@link #SELECT}, back into an {@link Approval}. */
final class ApprovalMapper {

  /** The columns in the order {@link #toDomain} reads them; the arguments come back as text. */
  static final String SELECT =
      "select id, owner, thread_id, item_id, tool_call_id, tool_name,"
          + " cast(arguments as text), status, created_at, decided_at from approvals";

  private ApprovalMapper() {}

  static Approval toDomain(Object[] row) {
    return new Approval(
        (String) row[0],
        new UserId((String) row[1]),
        new ThreadId((String) row[2]),
        new ItemId((String) row[3]),
        (String) row[4],
        (String) row[5],
        (String) row[6],
        ApprovalStatus.valueOf(((String) row[7]).toUpperCase(Locale.ROOT)),
        instant(row[8]),
        instant(row[9]));
  }

  static String wireName(ApprovalStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  // The driver hands timestamptz to a native query as a Timestamp, whose instant does not depend on
  // the JVM's zone; other drivers or versions may give an OffsetDateTime.
  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return (Instant) value;
  }
}
