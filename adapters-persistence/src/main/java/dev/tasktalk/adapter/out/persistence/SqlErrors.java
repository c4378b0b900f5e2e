package dev.tasktalk.adapter.out.persistence;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL errors under the persistence provider's wrappers. It reads the SQL state and
 * message rather than the driver's exception class, which may come from another class loader in the
 * container.
 */
final class SqlErrors {

  private static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  /** Whether {@code failure} was caused by a row breaking the named unique index or constraint. */
  static boolean isUniqueViolation(Throwable failure, String constraint) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).contains(constraint)) {
        return true;
      }
    }
    return false;
  }
}
