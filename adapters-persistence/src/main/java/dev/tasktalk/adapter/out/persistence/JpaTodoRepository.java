package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.application.port.out.persistence.TodoPosition;
import dev.tasktalk.application.port.out.persistence.TodoRepository;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import dev.tasktalk.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link TodoRepository} on PostgreSQL through JPA; every write is one transaction; reads run
 * without one unless the caller has one (no JTA begin/commit, no BEGIN/COMMIT round trips).
 */
@ApplicationScoped
@TranslatesOutages
public class JpaTodoRepository implements TodoRepository {

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaTodoRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaTodoRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void add(Todo todo) {
    em.persist(TodoMapper.toEntity(todo));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Todo> find(UserId owner, TodoId id) {
    return load(owner, id, LockModeType.NONE).map(TodoMapper::toDomain);
  }

  @Override
  @Transactional
  public Optional<Todo> update(UserId owner, TodoId id, Consumer<Todo> change) {
    // The row lock makes a concurrent update of the same task wait for this one to commit, so
    // neither overwrites the other's change with stale values.
    return load(owner, id, LockModeType.PESSIMISTIC_WRITE)
        .map(
            entity -> {
              Todo todo = TodoMapper.toDomain(entity);
              change.accept(todo);
              TodoMapper.copyState(todo, entity);
              return todo;
            });
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, TodoId id) {
    return em.createQuery("delete from TodoEntity t where t.owner = :owner and t.id = :id")
            .setParameter("owner", owner.value())
            .setParameter("id", id.value())
            .executeUpdate()
        > 0;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Todo> list(UserId owner, TodoFilter filter, TodoPosition after, int limit) {
    @SuppressWarnings("unchecked")
    List<TodoEntity> rows =
        TodoListQuery.of(owner, filter, after, limit).create(em).getResultList();
    return rows.stream().map(TodoMapper::toDomain).toList();
  }

  private Optional<TodoEntity> load(UserId owner, TodoId id, LockModeType lock) {
    return em.createQuery(
            "select t from TodoEntity t where t.owner = :owner and t.id = :id", TodoEntity.class)
        .setParameter("owner", owner.value())
        .setParameter("id", id.value())
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }
}
