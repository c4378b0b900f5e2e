package dev.tasktalk.adapter.out.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises PostgreSQL errors under the persistence provider's wrappers. It reads the SQL state
 * and message rather than the driver's exception class, which may come from another class loader in
 * the container.
 */
final class SqlErrors {

  private static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  /**
   * Whether {@code failure} means the database cannot be reached rather than that the statement was
   * wrong: SQL state class 08 (connection exception), 57P01-57P03 (shutting down, cannot connect
   * now), 53300 (too many connections), the container pool's refusal to allocate a connection, or a
   * commit the transaction manager could not complete ({@code
   * jakarta.transaction.SystemException}): Payara reports a connection that broke within the
   * transaction that way, with the broken connection only in its log, and nothing but the resource
   * can fail there.
   */
  static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof jakarta.transaction.SystemException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("57P")
            || state.equals("53300")
            || String.valueOf(sql.getMessage()).contains("allocating a connection")) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** The innermost message, for a log line without the stack. */
  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** Whether {@code failure} was caused by a row breaking the named unique index or constraint. */
  static boolean isUniqueViolation(Throwable failure, String constraint) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && UNIQUE_VIOLATION.equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).contains(constraint)) {
        return true;
      }
    }
    return false;
  }
}
