package dev.tasktalk.adapter.out.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * Does outside a container what {@code @Transactional} and a transaction-scoped persistence context
 * do inside one: each call gets a fresh entity manager and a transaction, committed on return and
 * rolled back when the call throws.
 */
final class TransactionPerCall implements InvocationHandler {

  private final EntityManagerFactory factory;
  private final Function<EntityManager, ?> target;

  private TransactionPerCall(EntityManagerFactory factory, Function<EntityManager, ?> target) {
    this.factory = factory;
    this.target = target;
  }

  /** A {@code port} whose calls each run on {@code target} built over a new entity manager. */
  static <T> T wrap(
      Class<T> port, EntityManagerFactory factory, Function<EntityManager, ? extends T> target) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(), new Class<?>[] {port}, new TransactionPerCall(factory, target)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(this, args);
    }
    EntityManager em = factory.createEntityManager();
    EntityTransaction transaction = em.getTransaction();
    try {
      transaction.begin();
      Object result = method.invoke(target.apply(em), args);
      transaction.commit();
      return result;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      // Still active here only when the call or the commit failed.
      if (transaction.isActive()) {
        transaction.rollback();
      }
      em.close();
    }
  }
}
