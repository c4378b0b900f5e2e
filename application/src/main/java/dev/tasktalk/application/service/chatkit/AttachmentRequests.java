package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.CreateAttachment;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.DeleteAttachment;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;

/**
 * {@code attachments.create} (phase 1 of a two-phase upload: the description is stored and the
 * answer says where to PUT the bytes) and {@code attachments.delete}.
 */
final class AttachmentRequests {

  private final AttachmentRepository attachments;
  private final AttachmentRules rules;
  private final Clock clock;

  AttachmentRequests(AttachmentRepository attachments, AttachmentRules rules, Clock clock) {
    this.attachments = attachments;
    this.rules = rules;
    this.clock = clock;
  }

  ChatKitResult create(UserId owner, CreateAttachment request) {
    String mimeType =
        rules.check(request.name(), request.size(), request.mimeType(), AttachmentRules.PARAMS);
    Attachment attachment =
        new Attachment(
            AttachmentId.generate(),
            owner,
            request.name().strip(),
            mimeType,
            request.size(),
            null,
            false,
            clock.instant());
    attachments.save(attachment);
    return new ChatKitResult.AttachmentResult(attachment);
  }

  ChatKitResult delete(UserId owner, DeleteAttachment request) {
    if (!attachments.delete(owner, request.attachmentId())) {
      throw new AttachmentNotFoundException(request.attachmentId());
    }
    return ThreadCommands.EMPTY;
  }
}
