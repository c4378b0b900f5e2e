package dev.tasktalk.domain.agent;

/** Where an approval stands; only a pending one can be decided. */
public enum ApprovalStatus {
  PENDING,
  CONFIRMED,
  CANCELLED,
  SUPERSEDED
}
