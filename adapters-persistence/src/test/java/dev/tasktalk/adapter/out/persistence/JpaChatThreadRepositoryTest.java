package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.testing.ChatRepositories;
import dev.tasktalk.application.testing.ChatThreadRepositoryContract;
import org.junit.jupiter.api.BeforeAll;

/**
 * Holds the JPA repository to the repository contract on PostgreSQL, schema made by the changelog.
 */
class JpaChatThreadRepositoryTest extends ChatThreadRepositoryContract {

  private static ChatTestDatabase database;

  @BeforeAll
  static void startDatabase() {
    database = ChatTestDatabase.shared();
  }

  @Override
  protected ChatRepositories repositories() {
    return database.repositories();
  }

  @Override
  protected void reset() {
    database.truncate();
  }
}
