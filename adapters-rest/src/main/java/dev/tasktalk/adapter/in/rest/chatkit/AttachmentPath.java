package dev.tasktalk.adapter.in.rest.chatkit;

import java.util.Optional;

/**
 * What a path under {@code /chatkit/attachments/} asks for: {@code {id}/upload} or {@code
 * {id}/content}.
 */
record AttachmentPath(String id, Action action) {

  enum Action {
    UPLOAD,
    CONTENT
  }

  /** Parses the servlet path info ({@code /atc_1/content}); empty for anything else. */
  static Optional<AttachmentPath> parse(String pathInfo) {
    if (pathInfo == null) {
      return Optional.empty();
    }
    String[] parts = pathInfo.split("/", -1);
    if (parts.length != 3 || !parts[0].isEmpty() || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return switch (parts[2]) {
      case "upload" -> Optional.of(new AttachmentPath(parts[1], Action.UPLOAD));
      case "content" -> Optional.of(new AttachmentPath(parts[1], Action.CONTENT));
      default -> Optional.empty();
    };
  }
}
