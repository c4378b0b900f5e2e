package dev.tasktalk.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the {@code timestamptz} values JPA and the driver bind: always in UTC, so nothing
 * depends on the JVM's time zone.
 */
final class Times {

  private Times() {}

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
