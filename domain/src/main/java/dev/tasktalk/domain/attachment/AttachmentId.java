package dev.tasktalk.domain.attachment;

import dev.tasktalk.domain.shared.Ids;

/** Identity of an uploaded file, e.g. {@code atc_4f1c2a9b0d3e5f67}. */
public record AttachmentId(String value) {

  public AttachmentId {
    if (!Ids.isValid(value)) {
      throw new IllegalArgumentException("invalid attachment id");
    }
  }

  public static AttachmentId generate() {
    return new AttachmentId(Ids.generate("atc"));
  }

  /** Client text naming an attachment: anything malformed is simply not found. */
  public static AttachmentId parse(String text) {
    if (!Ids.isValid(text)) {
      throw new AttachmentNotFoundException(text);
    }
    return new AttachmentId(text);
  }

  @Override
  public String toString() {
    return value;
  }
}
