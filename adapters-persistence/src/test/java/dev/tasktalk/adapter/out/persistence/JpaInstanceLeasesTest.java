package dev.tasktalk.adapter.out.persistence;

import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.out.cluster.InstanceId;
import dev.tasktalk.application.port.out.cluster.InstanceLeases;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases on PostgreSQL: a run is taken over or swept only when its instance's lease has expired,
 * never while the instance lives, however its clock or start-up order looks.
 */
class JpaInstanceLeasesTest {

  private static final UserId ALICE = new UserId("alice");
  private static ChatTestDatabase database;

  private final InstanceId a = new InstanceId("node-a/" + UUID.randomUUID());
  private final InstanceId b = new InstanceId("node-b/" + UUID.randomUUID());
  private ChatThread thread;

  @BeforeAll
  static void startDatabase() {
    database = ChatTestDatabase.shared();
  }

  @BeforeEach
  void oneThread() {
    database.truncate();
    database
        .database()
        .execute(
            "delete from instance_leases where instance_id <> '"
                + ChatTestDatabase.INSTANCE.value()
                + "'");
    thread = aThread(ALICE, Instant.now());
    database.repositories().threads().add(thread);
  }

  @Test
  void givenARunOfALiveInstance_aMessageThroughAnother_isRefused() {
    leases(a).renew(Duration.ofSeconds(30), "a");
    Run first = Run.start(ALICE, thread.id(), Instant.now());
    runs(a).start(first);

    assertThatThrownBy(() -> runs(b).start(Run.start(ALICE, thread.id(), Instant.now())))
        .isInstanceOf(RunInProgressException.class);
    assertThat(leases(b).interruptOrphanedRuns()).isZero();
    assertThat(status(first)).isEqualTo("running");
  }

  @Test
  void
      givenARunOfAnInstanceWhoseLeaseExpired_aMessageThroughAnother_interruptsItAndTakesTheThread() {
    leases(a).renew(Duration.ofSeconds(30), "a");
    Run orphan = Run.start(ALICE, thread.id(), Instant.now());
    runs(a).start(orphan);
    leases(a).release(); // what an expired lease looks like, without waiting for it

    Run next = Run.start(ALICE, thread.id(), Instant.now());
    runs(b).start(next);

    assertThat(status(orphan)).isEqualTo("interrupted");
    assertThat(status(next)).isEqualTo("running");
    assertThat(instanceOf(next)).isEqualTo(b.value());
  }

  @Test
  void givenOrphanedAndLiveRuns_theSweep_interruptsOnlyTheOrphans() {
    leases(a).renew(Duration.ofSeconds(30), "a");
    leases(b).renew(Duration.ofMillis(1), "b");
    Run live = Run.start(ALICE, thread.id(), Instant.now());
    runs(a).start(live);
    ChatThread other = aThread(ALICE, Instant.now());
    database.repositories().threads().add(other);
    Run orphan = Run.start(ALICE, other.id(), Instant.now());
    runs(b).start(orphan);
    sleep(20);

    assertThat(leases(a).interruptOrphanedRuns()).isEqualTo(1);

    assertThat(status(live)).isEqualTo("running");
    assertThat(status(orphan)).isEqualTo("interrupted");
  }

  @Test
  void givenAnInstanceWithoutALeaseYet_itsFreshRun_isNotTakenForAnOrphan_butAMinuteOldOneIs() {
    Run fresh = Run.start(ALICE, thread.id(), Instant.now());
    runs(a).start(fresh); // no heartbeat yet: a starting instance

    assertThatThrownBy(() -> runs(b).start(Run.start(ALICE, thread.id(), Instant.now())))
        .isInstanceOf(RunInProgressException.class);

    database.database().execute("update runs set started_at = now() - interval '2 minutes'");
    runs(b).start(Run.start(ALICE, thread.id(), Instant.now()));
    assertThat(status(fresh)).isEqualTo("interrupted");
  }

  @Test
  void renew_extendsTheLeaseFromTheDatabasesClock() {
    leases(a).renew(Duration.ofSeconds(15), "node a on port 8081");
    leases(a).renew(Duration.ofSeconds(15), "node a on port 8081");

    String left =
        query(
            "select extract(epoch from expires_at - now()) from instance_leases where instance_id ="
                + " ?",
            a.value());
    assertThat(Double.parseDouble(left)).isBetween(10.0, 15.5);
  }

  private InstanceLeases leases(InstanceId instance) {
    return TransactionPerCall.wrap(
        InstanceLeases.class,
        database.database().entityManagerFactory(),
        em -> new JpaInstanceLeases(em, instance));
  }

  private RunRepository runs(InstanceId instance) {
    return TransactionPerCall.wrap(
        RunRepository.class,
        database.database().entityManagerFactory(),
        em -> new JpaRunRepository(em, instance));
  }

  private String status(Run run) {
    return query("select status from runs where id = cast(? as uuid)", run.id().toString());
  }

  private String instanceOf(Run run) {
    return query("select instance_id from runs where id = cast(? as uuid)", run.id().toString());
  }

  private static String query(String sql, String parameter) {
    try (Connection connection = database.database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
