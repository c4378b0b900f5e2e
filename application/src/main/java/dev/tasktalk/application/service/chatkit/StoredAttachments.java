package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.chatkit.PreviewLinks;
import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.domain.attachment.Attachment;

/**
 * An attachment as a user message stores it: the ChatKit {@code Attachment} object of an uploaded
 * file bound to its thread, with the image preview link of the moment. It is stored inside the
 * item's payload, so a reloaded thread shows the message exactly as it was sent.
 */
final class StoredAttachments {

  private final String attachmentsUrl;
  private final PreviewLinks previewLinks;

  StoredAttachments(ChatKitSettings settings) {
    this.attachmentsUrl = settings.attachmentsUrl();
    this.previewLinks = settings.previewLinks();
  }

  JsonObject node(Attachment attachment) {
    JsonObject node = Json.object();
    node.put("id", attachment.id().value());
    node.put("name", attachment.name());
    node.put("mime_type", attachment.mimeType());
    node.put("type", attachment.image() ? "image" : "file");
    if (attachment.image()) {
      String query =
          previewLinks == null ? "" : previewLinks.query(attachment.id(), attachment.owner());
      node.put("preview_url", attachmentsUrl + attachment.id().value() + "/content" + query);
    }
    if (attachment.threadId() != null) {
      node.put("thread_id", attachment.threadId().value());
    }
    return node;
  }
}
