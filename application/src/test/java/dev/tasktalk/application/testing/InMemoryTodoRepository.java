package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.application.port.out.persistence.TodoPosition;
import dev.tasktalk.application.port.out.persistence.TodoRepository;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link TodoRepository} in a map, for service tests; it passes the same contract as the JPA one.
 */
public final class InMemoryTodoRepository implements TodoRepository {

  private static final Comparator<Todo> NEWEST_FIRST =
      Comparator.comparing(Todo::createdAt)
          .thenComparing(t -> t.id().value().toString())
          .reversed();

  private final Map<TodoId, Todo> byId = new ConcurrentHashMap<>();

  @Override
  public void add(Todo todo) {
    byId.put(todo.id(), copy(todo));
  }

  @Override
  public Optional<Todo> find(UserId owner, TodoId id) {
    return Optional.ofNullable(byId.get(id)).filter(t -> t.owner().equals(owner)).map(this::copy);
  }

  @Override
  public synchronized Optional<Todo> update(UserId owner, TodoId id, Consumer<Todo> change) {
    Optional<Todo> found = find(owner, id);
    found.ifPresent(
        todo -> {
          change.accept(todo);
          byId.put(id, copy(todo));
        });
    return found;
  }

  // Synchronised with update, so a delete cannot be undone by an update that was already under way.
  @Override
  public synchronized boolean delete(UserId owner, TodoId id) {
    return find(owner, id).map(t -> byId.remove(id) != null).orElse(false);
  }

  @Override
  public List<Todo> list(UserId owner, TodoFilter filter, TodoPosition after, int limit) {
    return byId.values().stream()
        .filter(t -> t.owner().equals(owner))
        .filter(t -> matches(t, filter))
        .filter(t -> after == null || isAfter(t, after))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .map(this::copy)
        .toList();
  }

  private static boolean isAfter(Todo t, TodoPosition p) {
    int byTime = t.createdAt().compareTo(p.createdAt());
    return byTime < 0
        || (byTime == 0 && t.id().value().toString().compareTo(p.id().value().toString()) < 0);
  }

  private static boolean matches(Todo t, TodoFilter f) {
    boolean status =
        switch (f.status()) {
          case OPEN -> !t.completed();
          case DONE -> t.completed();
          case ALL -> true;
        };
    return status
        && (f.text() == null
            || contains(t.title(), f.text())
            || t.description().map(d -> contains(d, f.text())).orElse(false))
        && (f.priority() == null || t.priority() == f.priority())
        && (f.dueBefore() == null || t.due().map(d -> d.at().isBefore(f.dueBefore())).orElse(false))
        && (f.dueAfter() == null || t.due().map(d -> d.at().isAfter(f.dueAfter())).orElse(false))
        && (f.tag() == null || t.tags().contains(f.tag().toLowerCase(Locale.ROOT)));
  }

  private static boolean contains(String haystack, String needle) {
    return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }

  private Todo copy(Todo t) {
    return Todo.restore(
        t.id(),
        t.owner(),
        t.title(),
        t.description().orElse(null),
        t.priority(),
        t.due().orElse(null),
        t.tags(),
        t.completed(),
        t.createdAt(),
        t.updatedAt(),
        t.completedAt().orElse(null));
  }
}
