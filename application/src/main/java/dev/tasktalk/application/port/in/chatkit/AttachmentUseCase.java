package dev.tasktalk.application.port.in.chatkit;

import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.user.UserId;

/**
 * Attachment bytes outside the ChatKit JSON endpoint: the direct upload, the second phase of a
 * two-phase upload, and the content for previews. The endpoint renders answers as ChatKit {@code
 * Attachment} objects.
 */
public interface AttachmentUseCase {

  /** Direct upload: creates and stores an attachment in one step; returns it, uploaded. */
  Attachment uploadDirect(UserId owner, String fileName, String mimeType, byte[] content);

  /** Two-phase upload, phase 2: stores the bytes of an attachment created by attachments.create. */
  Attachment uploadContent(UserId owner, AttachmentId id, byte[] content);

  /** The stored bytes with their type, for the owner only. */
  AttachmentContent content(UserId owner, AttachmentId id);

  /** Bytes of an attachment and how to serve them. */
  record AttachmentContent(String name, String mimeType, byte[] bytes) {}
}
