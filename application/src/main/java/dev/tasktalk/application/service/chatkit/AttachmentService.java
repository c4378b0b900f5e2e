package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.AttachmentUseCase;
import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.shared.ConflictException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.util.Objects;

/**
 * Attachment bytes outside the ChatKit endpoint: the direct upload, phase 2 of a two-phase upload
 * and the content behind {@code preview_url}. Every call is scoped to the owner, with the same
 * limits as {@code attachments.create}.
 */
public final class AttachmentService implements AttachmentUseCase {

  private final AttachmentRepository attachments;
  private final AttachmentRules rules;
  private final Clock clock;

  public AttachmentService(
      AttachmentRepository attachments, Clock clock, ChatKitSettings settings) {
    this.attachments = Objects.requireNonNull(attachments, "attachments");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rules = new AttachmentRules(settings);
  }

  @Override
  public Attachment uploadDirect(UserId owner, String fileName, String mimeType, byte[] content) {
    byte[] bytes = content == null ? new byte[0] : content;
    String type = rules.check(fileName, bytes.length, mimeType, AttachmentRules.UPLOAD);
    Attachment attachment =
        new Attachment(
            AttachmentId.generate(),
            owner,
            fileName.strip(),
            type,
            bytes.length,
            null,
            false,
            clock.instant());
    attachments.save(attachment);
    attachments.storeContent(owner, attachment.id(), bytes);
    return attachment.uploadedWith(bytes.length);
  }

  @Override
  public Attachment uploadContent(UserId owner, AttachmentId id, byte[] content) {
    Attachment attachment =
        attachments.find(owner, id).orElseThrow(() -> new AttachmentNotFoundException(id));
    if (attachment.threadId() != null) {
      // Its message is already stored: new bytes would silently change what was sent.
      throw new ConflictException("attachment " + id + " was already sent and cannot be replaced");
    }
    byte[] bytes = content == null ? new byte[0] : content;
    rules.checkSize(bytes.length, AttachmentRules.UPLOAD);
    if (!attachments.storeContent(owner, id, bytes)) {
      throw new AttachmentNotFoundException(id);
    }
    return attachments.find(owner, id).orElse(attachment.uploadedWith(bytes.length));
  }

  @Override
  public AttachmentContent content(UserId owner, AttachmentId id) {
    Attachment attachment =
        attachments
            .find(owner, id)
            .filter(Attachment::uploaded)
            .orElseThrow(() -> new AttachmentNotFoundException(id));
    byte[] bytes =
        attachments.content(owner, id).orElseThrow(() -> new AttachmentNotFoundException(id));
    return new AttachmentContent(attachment.name(), attachment.mimeType(), bytes);
  }
}
