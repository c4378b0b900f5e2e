package dev.tasktalk.application.service.todo;

import dev.tasktalk.application.port.out.persistence.TodoPosition;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.todo.TodoId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Turns a {@link TodoPosition} into the opaque cursor text clients pass back, and back again. */
final class TodoCursor {

  private static final String VERSION = "t1";
  // Tasks are stamped by the server clock, so a genuine cursor always lies well inside these
  // bounds.
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

  private TodoCursor() {}

  static String encode(TodoPosition position) {
    Instant at = position.createdAt();
    String raw = VERSION + ":" + at.getEpochSecond() + ":" + at.getNano() + ":" + position.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static TodoPosition decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", -1);
      if (parts.length != 4 || !VERSION.equals(parts[0])) {
        throw new IllegalArgumentException("unknown cursor layout");
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
        throw new IllegalArgumentException("cursor time out of range");
      }
      return new TodoPosition(at, new TodoId(UUID.fromString(parts[3])));
    } catch (RuntimeException e) {
      throw new InvalidInputException("cursor", "cursor is not one this server handed out");
    }
  }
}
