package dev.tasktalk.application.service.chatkit;

import static dev.tasktalk.application.testing.ChatKitFixture.ALICE;
import static dev.tasktalk.application.testing.ChatKitFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.testing.ChatKitFixture;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.shared.ConflictException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ThreadId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentServiceTest {

  private final ChatKitFixture chat = new ChatKitFixture();
  private final AttachmentService attachments =
      new AttachmentService(
          chat.store.attachments(), chat.clock, chat.settings.withMaxAttachmentBytes(8));

  private AttachmentId createdByPhaseOne(String name, String mimeType) {
    ChatKitResult created =
        chat.result(ALICE, new ChatKitRequest.CreateAttachment(name, 4, mimeType));
    return ((ChatKitResult.AttachmentResult) created).attachment().id();
  }

  @Test
  void directUpload_storesTheBytes_andAnswersAnAttachmentWithoutUploadDescriptor() {
    Attachment uploaded =
        attachments.uploadDirect(ALICE, "cat.png", "image/png", new byte[] {1, 2, 3});

    AttachmentId id = uploaded.id();
    assertThat(uploaded.uploaded()).isTrue();
    assertThat(uploaded.threadId()).isNull();
    assertThat(attachments.content(ALICE, id).bytes()).containsExactly(1, 2, 3);
    assertThat(attachments.content(ALICE, id).mimeType()).isEqualTo("image/png");
  }

  @Test
  void directUpload_checksTheLimits() {
    assertThatThrownBy(() -> attachments.uploadDirect(ALICE, "big.txt", "text/plain", new byte[9]))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("file");
    assertThatThrownBy(
            () -> attachments.uploadDirect(ALICE, "empty.txt", "text/plain", new byte[0]))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> attachments.uploadDirect(ALICE, "x.bin", "application/octet-stream", new byte[1]))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("mime_type");
    assertThatThrownBy(() -> attachments.uploadDirect(ALICE, " ", "text/plain", new byte[1]))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("name");
  }

  @Test
  void aNulInTheNameOrType_isRefusedNamingTheField() {
    assertThatThrownBy(() -> attachments.uploadDirect(ALICE, "a\0.txt", "text/plain", new byte[1]))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("name");
    assertThatThrownBy(
            () -> attachments.uploadDirect(ALICE, "a.txt", "text/plain;x=\0", new byte[1]))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("mime_type");
  }

  @Test
  void twoPhaseUpload_phaseTwoStoresTheBytes_andDropsTheUploadDescriptor() {
    AttachmentId id = createdByPhaseOne("notes.txt", "text/plain");
    assertThatThrownBy(() -> attachments.content(ALICE, id))
        .isInstanceOf(AttachmentNotFoundException.class);

    Attachment uploaded = attachments.uploadContent(ALICE, id, new byte[] {7, 7});

    assertThat(uploaded.uploaded()).isTrue();
    assertThat(attachments.content(ALICE, id).bytes()).containsExactly(7, 7);
  }

  @Test
  void phaseTwo_isForTheOwnerOnly_withinTheSizeLimit() {
    AttachmentId id = createdByPhaseOne("notes.txt", "text/plain");

    assertThatThrownBy(() -> attachments.uploadContent(BOB, id, new byte[1]))
        .isInstanceOf(AttachmentNotFoundException.class);
    assertThatThrownBy(() -> attachments.uploadContent(ALICE, id, new byte[9]))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> attachments.uploadContent(ALICE, AttachmentId.generate(), new byte[1]))
        .isInstanceOf(AttachmentNotFoundException.class);
  }

  @Test
  void anAttachmentAlreadySent_cannotBeReplaced() {
    var sent = chat.uploaded(ALICE, "a.txt", "text/plain");
    String thread = chat.createThread(ALICE, "Hi");
    chat.events(
        ALICE,
        new ChatKitRequest.AddUserMessage(
            new ThreadId(thread),
            new ChatKitRequest.UserInput(
                List.of(new ChatKitRequest.UserContent.InputText("see")),
                List.of(sent.id()),
                null,
                ChatKitRequest.InferenceOptions.NONE)));

    assertThatThrownBy(() -> attachments.uploadContent(ALICE, sent.id(), new byte[1]))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void content_isForTheOwnerOnly() {
    var mine = chat.uploaded(ALICE, "a.txt", "text/plain");

    assertThatThrownBy(() -> attachments.content(BOB, mine.id()))
        .isInstanceOf(AttachmentNotFoundException.class);
    assertThat(attachments.content(ALICE, mine.id()).name()).isEqualTo("a.txt");
  }
}
