package dev.tasktalk.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.events.TodoChanges;
import dev.tasktalk.domain.user.UserId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LISTEN/NOTIFY between two "instances" on one PostgreSQL: a change announced by one reaches the
 * other's watchers of that owner only, and a broken listening connection heals and tells everyone.
 */
class PgTodoChangesTest {

  private static final UserId ALICE = new UserId("alice");
  private static final UserId BOB = new UserId("bob");
  private static PostgresTestDatabase database;

  private final PgTodoChanges nodeA = changes();
  private final PgTodoChanges nodeB = changes();

  @BeforeAll
  static void startDatabase() {
    database = ChatTestDatabase.shared().database();
  }

  @AfterEach
  void stop() {
    nodeA.close();
    nodeB.close();
  }

  @Test
  void givenAWatcherOnOneInstance_aChangeAnnouncedByAnother_reachesItForItsOwnerOnly()
      throws Exception {
    nodeB.start();
    awaitListening(nodeB);
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    TodoChanges.Watch alice = nodeB.watch(ALICE, () -> seen.add("alice"));
    nodeB.watch(BOB, () -> seen.add("bob"));

    nodeA.publish(ALICE);

    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("alice");
    assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
    alice.close();
    nodeA.publish(ALICE);
    nodeA.publish(BOB);
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("bob");
    assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void givenTheListeningConnectionKilled_itConnectsAgain_andTellsEveryWatcher() throws Exception {
    nodeB.start();
    awaitListening(nodeB);
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    nodeB.watch(ALICE, () -> seen.add("alice"));

    database.execute(
        "select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%'");

    assertThat(seen.poll(20, TimeUnit.SECONDS)).as("told after reconnecting").isEqualTo("alice");
    awaitListening(nodeB);
    nodeA.publish(ALICE);
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("alice");
  }

  @Test
  void givenAWatcherThatCameBeforeTheListenerWasListening_itIsToldOnce_sinceItMayHaveMissedAChange()
      throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    nodeB.watch(ALICE, () -> seen.add("alice")); // starts the listener

    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("alice");
    assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  private static PgTodoChanges changes() {
    return new PgTodoChanges(
        database.dataSource(), () -> database.dataSource().getConnection(), Thread::new);
  }

  private static void awaitListening(PgTodoChanges changes) throws InterruptedException {
    for (int i = 0; i < 100 && !changes.listening(); i++) {
      Thread.sleep(50);
    }
    assertThat(changes.listening()).isTrue();
  }
}
