package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.TodoRepository;
import dev.tasktalk.application.testing.TodoRepositoryContract;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Holds the JPA repository to the repository contract on PostgreSQL, schema made by the changelog.
 */
class JpaTodoRepositoryTest extends TodoRepositoryContract {

  private static PostgresTestDatabase database;
  private static TodoRepository repository;

  @BeforeAll
  static void startDatabase() {
    database = PostgresTestDatabase.startMigrated();
    repository =
        TransactionPerCall.wrap(
            TodoRepository.class, database.entityManagerFactory(), JpaTodoRepository::new);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @Override
  protected TodoRepository repository() {
    return repository;
  }

  @Override
  protected void reset() {
    database.execute("truncate table tasks");
  }
}
