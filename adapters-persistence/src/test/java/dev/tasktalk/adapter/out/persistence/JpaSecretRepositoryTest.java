package dev.tasktalk.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.persistence.SecretRepository;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JpaSecretRepositoryTest {

  private static SecretRepository secrets;

  @BeforeAll
  static void startDatabase() {
    secrets =
        TransactionPerCall.wrap(
            SecretRepository.class,
            ChatTestDatabase.shared().database().entityManagerFactory(),
            JpaSecretRepository::new);
  }

  @Test
  void theFirstCallStoresItsBytes_andLaterCallsGetThemBack() {
    String name = "test-" + UUID.randomUUID();

    byte[] first = secrets.secret(name, bytes(1));
    byte[] second = secrets.secret(name, bytes(2));

    assertThat(first).isEqualTo(bytes(1));
    assertThat(second).isEqualTo(bytes(1));
    assertThat(secrets.secret("other-" + name, bytes(3))).isEqualTo(bytes(3));
  }

  @Test
  void instancesAskingAtOnce_allGetTheSameSecret() {
    String name = "race-" + UUID.randomUUID();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<byte[]>> asks =
        IntStream.range(0, 8)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          awaitQuietly(start);
                          return secrets.secret(name, bytes(10 + i));
                        }))
            .toList();
    start.countDown();

    List<byte[]> answers = asks.stream().map(CompletableFuture::join).toList();

    assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
  }

  private static byte[] bytes(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return bytes;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
