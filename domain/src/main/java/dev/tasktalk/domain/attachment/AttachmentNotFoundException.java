package dev.tasktalk.domain.attachment;

import dev.tasktalk.domain.shared.NotFoundException;

/** No attachment with this id belongs to the caller. */
public class AttachmentNotFoundException extends NotFoundException {

  public AttachmentNotFoundException(Object id) {
    super("attachment " + id + " not found");
  }
}
