package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.application.port.out.persistence.TodoPosition;
import dev.tasktalk.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The native SQL of one page of an owner's tasks: only the filters that are set, then a keyset
 * condition that walks the {@code (owner, created_at desc, id desc)} index.
 */
final class TodoListQuery {

  private static final String COLUMNS =
      "id, owner, title, description, priority, due_at, due_all_day,"
          + " tags, completed, created_at, updated_at, completed_at";
  private static final UUID SMALLEST_ID = new UUID(0, 0);

  private final StringBuilder sql =
      new StringBuilder("select " + COLUMNS + " from tasks where owner = ?1");
  private final List<Object> parameters = new ArrayList<>();

  private TodoListQuery(UserId owner) {
    parameters.add(owner.value());
  }

  static TodoListQuery of(UserId owner, TodoFilter filter, TodoPosition after, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    TodoListQuery query = new TodoListQuery(owner);
    query.status(filter.status());
    if (filter.text() != null) {
      String pattern = "%" + escapeLike(filter.text()) + "%";
      query.where(
          "(title ilike ?# escape '\\' or description ilike ?# escape '\\')", pattern, pattern);
    }
    if (filter.priority() != null) {
      query.where("priority = ?#", filter.priority().wireName());
    }
    if (filter.dueBefore() != null) {
      query.where("due_at < ?#", TodoMapper.utc(ceilToMicros(filter.dueBefore())));
    }
    if (filter.dueAfter() != null) {
      query.where("due_at > ?#", TodoMapper.utc(filter.dueAfter().truncatedTo(ChronoUnit.MICROS)));
    }
    if (filter.tag() != null) {
      // @> (contains) rather than = any(..): only the former can use the GIN index on tags.
      query.where("tags @> array[cast(?# as text)]", filter.tag().toLowerCase(Locale.ROOT));
    }
    if (after != null) {
      query.after(after);
    }
    query.sql.append(" order by created_at desc, id desc limit ").append(limit);
    return query;
  }

  Query create(EntityManager em) {
    Query query = em.createNativeQuery(sql.toString(), TodoEntity.class);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query;
  }

  private void status(TodoFilter.Status status) {
    switch (status) {
      case OPEN -> sql.append(" and not completed");
      case DONE -> sql.append(" and completed");
      case ALL -> {}
    }
  }

  /**
   * A position between two microseconds (only a hand-made cursor has one) moves to the next
   * microsecond with the smallest id: the same tasks come after it either way.
   */
  private void after(TodoPosition position) {
    Instant at = ceilToMicros(position.createdAt());
    UUID id = at.equals(position.createdAt()) ? position.id().value() : SMALLEST_ID;
    // A row comparison, so PostgreSQL reads the index from the position on instead of filtering.
    where("(created_at, id) < (cast(?# as timestamptz), cast(?# as uuid))", TodoMapper.utc(at), id);
  }

  /** Appends a condition whose {@code ?#} placeholders take the values in order. */
  private void where(String condition, Object... values) {
    String numbered = condition;
    for (Object value : values) {
      parameters.add(value);
      numbered = numbered.replaceFirst("\\?#", "?" + parameters.size());
    }
    sql.append(" and ").append(numbered);
  }

  /**
   * Stored times are whole microseconds and the driver rounds finer ones to the nearest, which
   * would move a strict bound across a stored value; rounding up first keeps {@code <} exact.
   */
  private static Instant ceilToMicros(Instant instant) {
    Instant floor = instant.truncatedTo(ChronoUnit.MICROS);
    return floor.equals(instant) ? instant : floor.plus(1, ChronoUnit.MICROS);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
