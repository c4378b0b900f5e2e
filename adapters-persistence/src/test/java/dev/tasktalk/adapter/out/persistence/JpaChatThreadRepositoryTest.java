package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.testing.ChatThreadRepositoryContract;
import dev.tasktalk.application.testing.ChatRepositories;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Holds the JPA repository to the repository contract on PostgreSQL, schema made by the changelog. */
class JpaChatThreadRepositoryTest extends ChatThreadRepositoryContract {

  private static ChatTestDatabase database;

  @BeforeAll
  static void startDatabase() {
    database = new ChatTestDatabase();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
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
