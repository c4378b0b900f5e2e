package dev.tasktalk.application.service.chatkit;

import java.util.List;
import java.util.Objects;

/**
 * The ChatKit server's few settings: the public base URL for attachment links (empty: links relative
 * to the page, e.g. {@code /chatkit/attachments/atc_…/content}), the attachment size limit and allowed
 * MIME types ({@code image/*} style wildcards allowed), and how many stored items a responder is given.
 */
public record ChatKitSettings(String publicBaseUrl, long maxAttachmentBytes, List<String> allowedMimeTypes,
    int historySize) {

  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
  public static final List<String> DEFAULT_MIME_TYPES = List.of("image/*", "application/pdf",
      "text/plain", "text/markdown", "text/csv", "application/json");
  public static final int DEFAULT_HISTORY_SIZE = 200;

  public ChatKitSettings {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    if (maxAttachmentBytes < 1) {
      throw new IllegalArgumentException("maxAttachmentBytes must be positive");
    }
    allowedMimeTypes = List.copyOf(allowedMimeTypes);
    if (historySize < 1) {
      throw new IllegalArgumentException("historySize must be positive");
    }
  }

  /** Relative links, 10 MiB attachments of the default types, 200 items of history. */
  public static ChatKitSettings defaults() {
    return new ChatKitSettings("", DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_MIME_TYPES, DEFAULT_HISTORY_SIZE);
  }

  public ChatKitSettings withPublicBaseUrl(String url) {
    return new ChatKitSettings(url == null ? "" : url, maxAttachmentBytes, allowedMimeTypes, historySize);
  }

  public ChatKitSettings withMaxAttachmentBytes(long bytes) {
    return new ChatKitSettings(publicBaseUrl, bytes, allowedMimeTypes, historySize);
  }

  public ChatKitSettings withAllowedMimeTypes(List<String> types) {
    return new ChatKitSettings(publicBaseUrl, maxAttachmentBytes, types, historySize);
  }

  public ChatKitSettings withHistorySize(int items) {
    return new ChatKitSettings(publicBaseUrl, maxAttachmentBytes, allowedMimeTypes, items);
  }
}
