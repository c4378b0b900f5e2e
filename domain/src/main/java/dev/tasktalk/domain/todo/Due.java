package dev.tasktalk.domain.todo;

import dev.tasktalk.domain.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When a task is due: either a whole day ({@code 2026-11-23}) or an instant ({@code
 * 2026-11-23T09:00:00Z}). A day compares as its start in UTC, so filters can treat both kinds
 * alike.
 */
public record Due(Instant at, boolean allDay) {

  public Due {
    Objects.requireNonNull(at, "at");
  }

  public static Due onDay(LocalDate day) {
    return new Due(day.atStartOfDay(ZoneOffset.UTC).toInstant(), true);
  }

  public static Due at(Instant instant) {
    return new Due(instant, false);
  }

  /** Accepts an ISO date or an ISO date-time with an offset (or none, read as UTC). */
  public static Due parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, field + " must be an ISO date or date-time");
    }
    String value = text.trim();
    try {
      if (value.length() == 10) {
        return onDay(LocalDate.parse(value));
      }
      return at(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return at(java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException again) {
        throw new InvalidInputException(
            field, field + " must be an ISO date (2026-11-23) or date-time (2026-11-23T09:00:00Z)");
      }
    }
  }

  /** The canonical text: the day for all-day dues, else the UTC instant. */
  public String toIsoString() {
    return allDay ? LocalDate.ofInstant(at, ZoneOffset.UTC).toString() : at.toString();
  }
}
