package dev.tasktalk.application.testing;

import static dev.tasktalk.application.testing.ChatFixtures.T0;
import static dev.tasktalk.application.testing.ChatFixtures.aThread;
import static dev.tasktalk.application.testing.ChatFixtures.anAttachment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttachmentRepository} must do: descriptions and bytes round trip, the bytes
 * decide whether an attachment is uploaded, and another owner's attachment can be neither seen nor
 * used.
 */
public abstract class AttachmentRepositoryContract {

  protected static final UserId ALICE = new UserId("alice");
  protected static final UserId BOB = new UserId("bob");

  /** The repositories under test, all over one store. */
  protected abstract ChatRepositories repositories();

  /** Runs before every test; afterwards the store holds nothing at all. */
  protected abstract void reset();

  @BeforeEach
  void startEmpty() {
    reset();
  }

  private AttachmentRepository attachments() {
    return repositories().attachments();
  }

  @Test
  void givenAnAttachmentWithEveryFieldSet_saveThenFind_returnsEveryField() {
    ChatThread thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
    Attachment attachment =
        new Attachment(
            AttachmentId.generate(),
            ALICE,
            "Kätzchen (1).png",
            "image/png",
            987_654_321_012L,
            thread.id(),
            false,
            Instant.parse("2026-03-01T09:15:30.000001Z"));

    attachments().save(attachment);

    assertThat(attachments().find(ALICE, attachment.id())).contains(attachment);
  }

  @Test
  void givenAStoredAttachment_saveAgain_updatesTheDescription() {
    ChatThread thread = aThread(ALICE, T0);
    repositories().threads().add(thread);
    Attachment attachment = save(anAttachment(ALICE));
    Attachment changed =
        new Attachment(
            attachment.id(),
            ALICE,
            "renamed.txt",
            "text/plain",
            7,
            thread.id(),
            false,
            T0.plusSeconds(1));

    attachments().save(changed);

    assertThat(attachments().find(ALICE, attachment.id())).contains(changed);
  }

  @Test
  void givenANotUploadedAttachment_content_isEmpty() {
    Attachment attachment = save(anAttachment(ALICE));

    assertThat(attachments().content(ALICE, attachment.id())).isEmpty();
    assertThat(attachments().find(ALICE, attachment.id()).orElseThrow().uploaded()).isFalse();
  }

  @Test
  void givenBytes_storeContent_storesThemAndMarksTheAttachmentUploadedWithTheirSize() {
    Attachment attachment = save(anAttachment(ALICE));
    byte[] bytes = {0, 1, 2, (byte) 0xff, 0, 42};

    assertThat(attachments().storeContent(ALICE, attachment.id(), bytes)).isTrue();

    assertThat(attachments().content(ALICE, attachment.id()))
        .hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes));
    assertThat(attachments().find(ALICE, attachment.id())).contains(attachment.uploadedWith(6));
  }

  @Test
  void givenStoredBytes_saveOfAnOlderDescription_keepsItUploadedWithTheirSize() {
    Attachment described = save(anAttachment(ALICE));
    attachments().storeContent(ALICE, described.id(), new byte[] {1, 2, 3});
    ChatThread thread = aThread(ALICE, T0);
    repositories().threads().add(thread);

    attachments().save(described.inThread(thread.id()));

    assertThat(attachments().find(ALICE, described.id()))
        .contains(described.inThread(thread.id()).uploadedWith(3));
    assertThat(attachments().content(ALICE, described.id())).isPresent();
  }

  @Test
  void givenAnAttachment_delete_removesItAndItsBytes() {
    Attachment attachment = save(anAttachment(ALICE));
    attachments().storeContent(ALICE, attachment.id(), new byte[] {1});

    assertThat(attachments().delete(ALICE, attachment.id())).isTrue();

    assertThat(attachments().find(ALICE, attachment.id())).isEmpty();
    assertThat(attachments().content(ALICE, attachment.id())).isEmpty();
    assertThat(attachments().delete(ALICE, attachment.id())).isFalse();
  }

  @Test
  void givenAnotherOwnersAttachment_noMethod_seesOrChangesIt() {
    Attachment alices = save(anAttachment(ALICE));
    attachments().storeContent(ALICE, alices.id(), new byte[] {1, 2});
    Attachment stored = alices.uploadedWith(2);

    assertThat(attachments().find(BOB, alices.id())).isEmpty();
    assertThat(attachments().content(BOB, alices.id())).isEmpty();
    assertThat(attachments().storeContent(BOB, alices.id(), new byte[] {9})).isFalse();
    assertThat(attachments().delete(BOB, alices.id())).isFalse();
    attachments()
        .save(
            new Attachment(
                alices.id(), BOB, "evil.exe", "application/octet-stream", 1, null, false, T0));

    assertThat(attachments().find(ALICE, alices.id())).contains(stored);
    assertThat(attachments().content(ALICE, alices.id()))
        .hasValueSatisfying(c -> assertThat(c).containsExactly(1, 2));
    assertThat(attachments().find(BOB, alices.id())).isEmpty();
  }

  @Test
  void givenAnUnknownId_everyMethod_findsNothing() {
    AttachmentId unknown = AttachmentId.generate();

    assertThat(attachments().find(ALICE, unknown)).isEmpty();
    assertThat(attachments().content(ALICE, unknown)).isEmpty();
    assertThat(attachments().storeContent(ALICE, unknown, new byte[] {1})).isFalse();
    assertThat(attachments().delete(ALICE, unknown)).isFalse();
  }

  private Attachment save(Attachment attachment) {
    attachments().save(attachment);
    return attachment;
  }
}
