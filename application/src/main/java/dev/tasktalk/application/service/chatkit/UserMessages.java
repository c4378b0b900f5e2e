package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserInput;
import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a user's input into a stored {@code user_message} item. Attachments are checked first (the
 * owner's, uploaded, not already sent in another thread) so a refusal happens before anything is
 * written; storing then binds them to the thread.
 */
final class UserMessages {

  private static final String FIELD = "params.input.attachments";

  private final ThreadItemRepository items;
  private final AttachmentRepository attachments;
  private final StoredAttachments described;
  private final Clock clock;

  UserMessages(
      ThreadItemRepository items,
      AttachmentRepository attachments,
      StoredAttachments described,
      Clock clock) {
    this.items = items;
    this.attachments = attachments;
    this.described = described;
    this.clock = clock;
  }

  /**
   * The input's attachments, checked for a message in {@code thread} (null: a thread not created
   * yet).
   */
  List<Attachment> resolve(UserId owner, UserInput input, ThreadId thread) {
    List<Attachment> resolved = new ArrayList<>();
    for (AttachmentId id : input.attachments()) {
      Attachment attachment =
          attachments.find(owner, id).orElseThrow(() -> new AttachmentNotFoundException(id));
      if (!attachment.uploaded()) {
        throw new InvalidInputException(FIELD, "attachment " + id + " has not been uploaded yet");
      }
      if (attachment.threadId() != null && !attachment.threadId().equals(thread)) {
        throw new InvalidInputException(FIELD, "attachment " + id + " was sent in another thread");
      }
      resolved.add(attachment);
    }
    return resolved;
  }

  /** Binds the attachments to the thread and appends the message; returns the stored item. */
  ThreadItem store(UserId owner, ThreadId thread, UserInput input, List<Attachment> resolved) {
    List<JsonObject> files = new ArrayList<>();
    for (Attachment attachment : resolved) {
      Attachment bound = attachment.inThread(thread);
      attachments.save(bound);
      files.add(described.node(bound));
    }
    ThreadItem message =
        new ThreadItem(
            ItemId.generate(ItemType.USER_MESSAGE),
            thread,
            ItemType.USER_MESSAGE,
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            ItemPayloads.userMessage(input, files));
    items.add(owner, message);
    return message;
  }
}
