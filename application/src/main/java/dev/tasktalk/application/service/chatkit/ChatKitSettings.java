package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.chatkit.PreviewLinks;
import java.util.List;
import java.util.Objects;

/**
 * The ChatKit server's few settings: the public base URL for attachment links (empty: links
 * relative to the page, e.g. {@code /chatkit/attachments/atc_…/content}), the attachment size limit
 * and allowed MIME types ({@code image/*} style wildcards allowed), and how many stored items a
 * responder is given.
 */
public record ChatKitSettings(
    String publicBaseUrl,
    long maxAttachmentBytes,
    List<String> allowedMimeTypes,
    int historySize,
    PreviewLinks previewLinks) {

  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
  public static final List<String> DEFAULT_MIME_TYPES =
      List.of(
          "image/*",
          "application/pdf",
          "text/plain",
          "text/markdown",
          "text/csv",
          "application/json");
  public static final int DEFAULT_HISTORY_SIZE = 200;

  /** Where the attachment endpoints live below the public base URL. */
  public static final String ATTACHMENTS_PATH = "/chatkit/attachments/";

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
    return new ChatKitSettings(
        "", DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_MIME_TYPES, DEFAULT_HISTORY_SIZE, null);
  }

  public ChatKitSettings withPublicBaseUrl(String url) {
    return new ChatKitSettings(
        url == null ? "" : url, maxAttachmentBytes, allowedMimeTypes, historySize, previewLinks);
  }

  public ChatKitSettings withMaxAttachmentBytes(long bytes) {
    return new ChatKitSettings(publicBaseUrl, bytes, allowedMimeTypes, historySize, previewLinks);
  }

  public ChatKitSettings withAllowedMimeTypes(List<String> types) {
    return new ChatKitSettings(publicBaseUrl, maxAttachmentBytes, types, historySize, previewLinks);
  }

  /** Signs image preview links (null: plain links that need the bearer token). */
  public ChatKitSettings withPreviewLinks(PreviewLinks links) {
    return new ChatKitSettings(
        publicBaseUrl, maxAttachmentBytes, allowedMimeTypes, historySize, links);
  }

  /** Where attachment links point, e.g. {@code https://chat.example.com/chatkit/attachments/}. */
  public String attachmentsUrl() {
    String base = publicBaseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + ATTACHMENTS_PATH;
  }

  public ChatKitSettings withHistorySize(int items) {
    return new ChatKitSettings(
        publicBaseUrl, maxAttachmentBytes, allowedMimeTypes, items, previewLinks);
  }
}
