package dev.tasktalk.domain.run;

/** Where a response stands: one run per thread may be {@link #RUNNING} at a time. */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED,
  INTERRUPTED
}
