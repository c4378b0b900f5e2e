package dev.tasktalk.application.port.out.cluster;

import java.util.Objects;
import java.util.UUID;

/**
 * The name this running process goes by in the shared database: its lease and the runs it streams
 * carry it. New for every start, so a restarted process never mistakes a dead one's runs for its
 * own.
 */
public record InstanceId(String value) {

  public InstanceId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 100) {
      throw new IllegalArgumentException("an instance id has 1 to 100 characters");
    }
  }

  /**
   * A fresh id that starts with {@code label} (a host and port, say) so a person can tell whose it
   * is.
   */
  public static InstanceId fresh(String label) {
    String prefix = label == null || label.isBlank() ? "" : label.strip() + "/";
    if (prefix.length() > 60) {
      prefix = prefix.substring(0, 59) + "/";
    }
    return new InstanceId(prefix + UUID.randomUUID());
  }
}
