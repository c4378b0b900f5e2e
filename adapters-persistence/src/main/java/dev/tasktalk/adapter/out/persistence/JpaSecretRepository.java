package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.SecretRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The {@link SecretRepository} on PostgreSQL: insert unless present, then read the one that won.
 */
@ApplicationScoped
@TranslatesOutages
public class JpaSecretRepository implements SecretRepository {

  // A concurrent insert of the same name waits for the first to commit and then does nothing, so
  // the read that follows (a new snapshot under READ COMMITTED) sees the winner's bytes.
  private static final String INSERT =
      "insert into server_secrets (name, value) values (?1, ?2) on conflict (name) do nothing";
  private static final String SELECT = "select value from server_secrets where name = ?1";

  @PersistenceContext(unitName = "tasktalk")
  private EntityManager em;

  /** For CDI, which injects the container's entity manager. */
  public JpaSecretRepository() {}

  /** For tests outside a container; the caller owns the transaction around each call. */
  public JpaSecretRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public byte[] secret(String name, byte[] fresh) {
    em.createNativeQuery(INSERT).setParameter(1, name).setParameter(2, fresh).executeUpdate();
    return (byte[]) em.createNativeQuery(SELECT).setParameter(1, name).getSingleResult();
  }
}
