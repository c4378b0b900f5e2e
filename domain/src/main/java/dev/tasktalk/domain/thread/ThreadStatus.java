package dev.tasktalk.domain.thread;

import java.util.Objects;

/**
 * Whether a thread takes new messages: active, locked (composer disabled) or closed, with a reason.
 */
public record ThreadStatus(Kind kind, String reason) {

  /** The three states ChatKit knows. */
  public enum Kind {
    ACTIVE,
    LOCKED,
    CLOSED
  }

  public static final ThreadStatus ACTIVE = new ThreadStatus(Kind.ACTIVE, null);

  public ThreadStatus {
    Objects.requireNonNull(kind, "kind");
  }
}
