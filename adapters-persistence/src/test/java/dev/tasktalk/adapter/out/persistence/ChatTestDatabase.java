package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.cluster.InstanceId;
import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.testing.ChatRepositories;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;

/**
 * A migrated test database with the five JPA chat repositories over it, each call in its own
 * transaction.
 */
final class ChatTestDatabase implements AutoCloseable {

  private final PostgresTestDatabase database = PostgresTestDatabase.startMigrated();
  private final ChatRepositories repositories;

  /**
   * The instance the tests' runs belong to; its lease lasts the whole run, so its runs are never
   * orphaned.
   */
  static final InstanceId INSTANCE = new InstanceId("chat-tests");

  private static ChatTestDatabase shared;

  /**
   * One database for every chat contract class in this run: starting PostgreSQL per class cost
   * seconds each, and every test truncates the chat tables first anyway.
   */
  static synchronized ChatTestDatabase shared() {
    if (shared == null) {
      shared = new ChatTestDatabase();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      shared.close();
                    } catch (IOException e) {
                      // the JVM is exiting; the temporary cluster goes with it
                    }
                  }));
    }
    return shared;
  }

  private ChatTestDatabase() {
    EntityManagerFactory factory = database.entityManagerFactory();
    repositories =
        new ChatRepositories(
            TransactionPerCall.wrap(
                ChatThreadRepository.class, factory, JpaChatThreadRepository::new),
            TransactionPerCall.wrap(
                ThreadItemRepository.class, factory, JpaThreadItemRepository::new),
            TransactionPerCall.wrap(
                AttachmentRepository.class, factory, JpaAttachmentRepository::new),
            TransactionPerCall.wrap(
                RunRepository.class, factory, em -> new JpaRunRepository(em, INSTANCE)),
            TransactionPerCall.wrap(FeedbackRepository.class, factory, JpaFeedbackRepository::new));
    leaseForTheTests();
  }

  /**
   * Gives {@link #INSTANCE} a lease that outlasts the tests (truncating the chat tables keeps it).
   */
  private void leaseForTheTests() {
    database.execute(
        "insert into instance_leases (instance_id, started_at, renewed_at, expires_at)"
            + " values ('"
            + INSTANCE.value()
            + "', now(), now(), now() + interval '1 day')"
            + " on conflict (instance_id) do update set expires_at = excluded.expires_at");
  }

  ChatRepositories repositories() {
    return repositories;
  }

  PostgresTestDatabase database() {
    return database;
  }

  /** Empties every chat table; the tasks are another test's. */
  void truncate() {
    database.execute(
        "truncate table threads, thread_items, attachments, runs, feedback, tool_calls, approvals");
  }

  @Override
  public void close() throws IOException {
    database.close();
  }
}
