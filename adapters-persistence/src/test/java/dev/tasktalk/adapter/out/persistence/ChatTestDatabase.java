package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.testing.ChatRepositories;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;

/** A migrated test database with the five JPA chat repositories over it, each call in its own transaction. */
final class ChatTestDatabase implements AutoCloseable {

  private final PostgresTestDatabase database = PostgresTestDatabase.startMigrated();
  private final ChatRepositories repositories;

  private static ChatTestDatabase shared;

  /**
   * One database for every chat contract class in this run: starting PostgreSQL per class cost seconds
   * each, and every test truncates the chat tables first anyway.
   */
  static synchronized ChatTestDatabase shared() {
    if (shared == null) {
      shared = new ChatTestDatabase();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
    repositories = new ChatRepositories(
        TransactionPerCall.wrap(ChatThreadRepository.class, factory, JpaChatThreadRepository::new),
        TransactionPerCall.wrap(ThreadItemRepository.class, factory, JpaThreadItemRepository::new),
        TransactionPerCall.wrap(AttachmentRepository.class, factory, JpaAttachmentRepository::new),
        TransactionPerCall.wrap(RunRepository.class, factory, JpaRunRepository::new),
        TransactionPerCall.wrap(FeedbackRepository.class, factory, JpaFeedbackRepository::new));
  }

  ChatRepositories repositories() {
    return repositories;
  }

  PostgresTestDatabase database() {
    return database;
  }

  /** Empties every chat table; the tasks are another test's. */
  void truncate() {
    database.execute("truncate table threads, thread_items, attachments, runs, feedback, tool_calls, approvals");
  }

  @Override
  public void close() throws IOException {
    database.close();
  }
}
