package dev.tasktalk.application.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreviewLinksTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final AttachmentId ID = new AttachmentId("atc_1234");
  private static final UserId ALICE = new UserId("alice@example.com");

  private final PreviewLinks links =
      new PreviewLinks(KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

  @Test
  void aLinkWeIssued_namesItsOwnerUntilItExpires() {
    Map<String, String> q = parse(links.query(ID, ALICE));

    assertThat(links.verify(ID, q.get("u"), q.get("exp"), q.get("sig"))).contains(ALICE);
    PreviewLinks later =
        new PreviewLinks(
            KEY, Clock.fixed(NOW.plusSeconds(3601), ZoneOffset.UTC), Duration.ofHours(1));
    assertThat(later.verify(ID, q.get("u"), q.get("exp"), q.get("sig"))).isEmpty();
  }

  @Test
  void alteredOrForeignLinks_proveNothing() {
    Map<String, String> q = parse(links.query(ID, ALICE));
    String bob = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("bob".getBytes());

    assertThat(links.verify(new AttachmentId("atc_other"), q.get("u"), q.get("exp"), q.get("sig")))
        .isEmpty();
    assertThat(links.verify(ID, bob, q.get("exp"), q.get("sig"))).isEmpty();
    assertThat(
            links.verify(
                ID, q.get("u"), String.valueOf(Long.parseLong(q.get("exp")) + 1000), q.get("sig")))
        .isEmpty();
    assertThat(links.verify(ID, q.get("u"), q.get("exp"), null)).isEmpty();
    assertThat(links.verify(ID, q.get("u"), "soon", q.get("sig"))).isEmpty();
    PreviewLinks otherKey =
        new PreviewLinks(
            "fedcba9876543210fedcba9876543210".getBytes(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofHours(1));
    assertThat(otherKey.verify(ID, q.get("u"), q.get("exp"), q.get("sig"))).isEmpty();
  }

  @Test
  void twoInstancesWithTheSameStoredKey_verifyEachOthersLinks_andAskForTheKeyOnce() {
    AtomicInteger asked = new AtomicInteger();
    PreviewLinks one =
        new PreviewLinks(
            () -> {
              asked.incrementAndGet();
              return KEY.clone();
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofHours(1));
    Map<String, String> q = parse(one.query(ID, ALICE));
    one.query(ID, ALICE);

    assertThat(links.verify(ID, q.get("u"), q.get("exp"), q.get("sig"))).contains(ALICE);
    assertThat(asked).hasValue(1);
  }

  @Test
  void aKeyThatCannotBeHadYet_isAskedForAgainNextTime() {
    AtomicInteger asked = new AtomicInteger();
    PreviewLinks flaky =
        new PreviewLinks(
            () -> {
              if (asked.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              return KEY.clone();
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofHours(1));

    assertThatThrownBy(() -> flaky.query(ID, ALICE)).hasMessage("database down");
    assertThat(flaky.query(ID, ALICE)).isEqualTo(links.query(ID, ALICE));
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> values = new HashMap<>();
    for (String pair : query.substring(1).split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], kv[1]);
    }
    return values;
  }
}
