package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.StoredText;
import java.util.List;
import java.util.Locale;

/**
 * What an attachment may be: a name of 1 to 255 characters, 1 byte up to the configured maximum,
 * and an allowed MIME type. Shared by {@code attachments.create} and the upload endpoints, which
 * name their fields differently.
 */
final class AttachmentRules {

  static final int MAX_NAME = 255;

  /** The request field names to blame. */
  record Fields(String name, String size, String mimeType) {}

  static final Fields PARAMS = new Fields("params.name", "params.size", "params.mime_type");
  static final Fields UPLOAD = new Fields("name", "file", "mime_type");

  private final long maxBytes;
  private final List<String> allowed;

  AttachmentRules(ChatKitSettings settings) {
    this.maxBytes = settings.maxAttachmentBytes();
    this.allowed =
        settings.allowedMimeTypes().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Checks all three and returns the MIME type to store (trimmed, lower-case type and subtype). */
  String check(String name, long size, String mimeType, Fields fields) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new InvalidInputException(
          fields.name(), "the file name must have 1 to " + MAX_NAME + " characters");
    }
    StoredText.check(fields.name(), name);
    checkSize(size, fields);
    return checkMimeType(StoredText.check(fields.mimeType(), mimeType), fields);
  }

  void checkSize(long size, Fields fields) {
    if (size < 1 || size > maxBytes) {
      throw new InvalidInputException(
          fields.size(), "the file must have 1 to " + maxBytes + " bytes");
    }
  }

  private String checkMimeType(String mimeType, Fields fields) {
    String type = mimeType == null ? "" : mimeType.strip();
    String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    // SVG can carry script and the content endpoint serves it from our own origin, so image/* stops
    // short of it; configure image/svg+xml explicitly to allow it.
    boolean svg = base.equals("image/svg+xml") && !allowed.contains(base);
    if (svg || base.isEmpty() || allowed.stream().noneMatch(pattern -> matches(pattern, base))) {
      throw new InvalidInputException(
          fields.mimeType(), "files of type '" + type + "' are not accepted");
    }
    return base + (type.contains(";") ? ";" + type.split(";", 2)[1] : "");
  }

  private static boolean matches(String pattern, String type) {
    return pattern.endsWith("/*")
        ? type.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(type);
  }
}
