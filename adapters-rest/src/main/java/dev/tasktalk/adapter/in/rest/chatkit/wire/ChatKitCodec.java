package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.application.chatkit.PreviewLinks;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns threads, items, pages, attachments and stream events into ChatKit JSON as the reference
 * server emits it: compact, nulls omitted, UTC timestamps with {@code Z}, thread {@code metadata}
 * always {@code {}}. Hidden items are refused, so a caller cannot leak them by accident; pages skip
 * them.
 */
public final class ChatKitCodec {

  /** Where the attachment endpoints live below the public base URL. */
  public static final String ATTACHMENTS_PATH = "/chatkit/attachments/";

  private static final Set<String> COMMON_ITEM_FIELDS =
      Set.of("id", "thread_id", "created_at", "type");

  private final String attachmentsUrl;
  private final PreviewLinks previewLinks;
  private final EventJson events = new EventJson(this);

  /**
   * @param publicBaseUrl scheme, host and context path the browser reaches us at, e.g. {@code
   *     https://chat.example.com}; empty for links relative to the page's origin
   */
  public ChatKitCodec(String publicBaseUrl) {
    this(publicBaseUrl, null);
  }

  /** With {@code previewLinks}, image previews carry a signed query so browsers can load them. */
  public ChatKitCodec(String publicBaseUrl, PreviewLinks previewLinks) {
    this.previewLinks = previewLinks;
    String base = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl").strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.attachmentsUrl = base + ATTACHMENTS_PATH;
  }

  /**
   * The JSON body answering a non-streaming request: a thread, a page, an attachment, a
   * transcription, an action's updated item, or {@code {}}.
   */
  public String body(ChatKitResult result) {
    if (result instanceof ChatKitResult.ThreadResult r) {
      return thread(r.thread(), r.items());
    } else if (result instanceof ChatKitResult.ThreadPage r) {
      return threadPage(r.threads());
    } else if (result instanceof ChatKitResult.ItemPage r) {
      return itemPage(r.items());
    } else if (result instanceof ChatKitResult.AttachmentResult r) {
      return attachment(r.attachment());
    } else if (result instanceof ChatKitResult.Transcription r) {
      return WireJson.write(WireJson.object().put("text", r.text()));
    } else if (result instanceof ChatKitResult.ActionResult r) {
      ObjectNode node = WireJson.object();
      r.updatedItem().ifPresent(item -> node.set("updated_item", itemNode(item)));
      return WireJson.write(node);
    } else if (result instanceof ChatKitResult.Empty) {
      return "{}";
    }
    throw new IllegalArgumentException(
        "a " + result.getClass().getSimpleName() + " has no JSON body");
  }

  /** A thread with an empty item page, as events, lists and renames carry it. */
  public String thread(ChatThread thread) {
    return WireJson.write(threadNode(thread, new Page<>(List.of(), false)));
  }

  /** A thread with one page of its items (hidden ones skipped). */
  public String thread(ChatThread thread, Page<ThreadItem> items) {
    return WireJson.write(threadNode(thread, items));
  }

  public String threadPage(Page<ChatThread> threads) {
    return WireJson.write(
        page(threads, t -> threadNode(t, new Page<>(List.of(), false)), t -> t.id().value()));
  }

  public String item(ThreadItem item) {
    return WireJson.write(itemNode(item));
  }

  /**
   * A page of items. Hidden items are dropped after pagination, so {@code has_more} and {@code
   * after} still describe the stored page and {@code after} may name a hidden item, as in the
   * reference.
   */
  public String itemPage(Page<ThreadItem> items) {
    return WireJson.write(itemPageNode(items));
  }

  public String attachment(Attachment attachment) {
    return WireJson.write(attachmentNode(attachment));
  }

  /** The ChatKit stream event for {@code event}, as one line of compact JSON. */
  public String event(ThreadEvent event) {
    return WireJson.write(events.node(event));
  }

  /** One SSE frame: {@code data: <json>\n\n}, exactly as the reference frames events. */
  public String sse(ThreadEvent event) {
    return "data: " + event(event) + "\n\n";
  }

  ObjectNode threadNode(ChatThread thread, Page<ThreadItem> items) {
    ObjectNode node = WireJson.object();
    node.put("id", thread.id().value());
    thread.title().ifPresent(title -> node.put("title", title));
    node.put("created_at", timestamp(thread.createdAt()));
    node.set("status", status(thread.status()));
    // Thread metadata is server-private: the client always sees an empty object.
    node.putObject("metadata");
    node.set("items", itemPageNode(items));
    return node;
  }

  ObjectNode itemPageNode(Page<ThreadItem> items) {
    return page(items, item -> item.hidden() ? null : itemNode(item), item -> item.id().value());
  }

  /** The item's common fields followed by its payload fields (top-level nulls omitted). */
  ObjectNode itemNode(ThreadItem item) {
    if (item.hidden()) {
      throw new IllegalArgumentException(
          "hidden item " + item.id() + " must not be sent to a client");
    }
    ObjectNode node = WireJson.object();
    node.put("id", item.id().value());
    node.put("thread_id", item.threadId().value());
    node.put("created_at", timestamp(item.createdAt()));
    node.put("type", item.type().wireName());
    for (Map.Entry<String, JsonNode> field : WireJson.readObject(item.payload()).properties()) {
      if (!COMMON_ITEM_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
        node.set(field.getKey(), field.getValue());
      }
    }
    return node;
  }

  /**
   * An attachment: images carry a {@code preview_url}; one whose bytes have not arrived carries the
   * {@code upload_descriptor} for phase 2 of a two-phase upload. Server-private data is never
   * included.
   */
  ObjectNode attachmentNode(Attachment attachment) {
    ObjectNode node = WireJson.object();
    node.put("id", attachment.id().value());
    node.put("name", attachment.name());
    node.put("mime_type", attachment.mimeType());
    node.put("type", attachment.image() ? "image" : "file");
    if (attachment.image()) {
      String query =
          previewLinks == null ? "" : previewLinks.query(attachment.id(), attachment.owner());
      node.put("preview_url", contentUrl(attachment.id()) + query);
    }
    if (!attachment.uploaded()) {
      ObjectNode upload = node.putObject("upload_descriptor");
      upload.put("url", uploadUrl(attachment.id()));
      upload.put("method", "PUT");
      upload.putObject("headers");
    }
    if (attachment.threadId() != null) {
      node.put("thread_id", attachment.threadId().value());
    }
    return node;
  }

  public String contentUrl(AttachmentId id) {
    return attachmentsUrl + id.value() + "/content";
  }

  public String uploadUrl(AttachmentId id) {
    return attachmentsUrl + id.value() + "/upload";
  }

  /** ISO-8601 in UTC with {@code Z}, e.g. {@code 2026-11-22T05:01:58.845174Z}. */
  public static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static ObjectNode status(ThreadStatus status) {
    ObjectNode node = WireJson.object();
    node.put("type", status.kind().name().toLowerCase(Locale.ROOT));
    if (status.reason() != null) {
      node.put("reason", status.reason());
    }
    return node;
  }

  /** A page; {@code render} may return null to leave an element out without changing the cursor. */
  private static <T> ObjectNode page(
      Page<T> page, Function<T, ObjectNode> render, Function<T, String> id) {
    ObjectNode node = WireJson.object();
    ArrayNode data = node.putArray("data");
    for (T element : page.data()) {
      ObjectNode rendered = render.apply(element);
      if (rendered != null) {
        data.add(rendered);
      }
    }
    node.put("has_more", page.hasMore());
    if (page.hasMore() && !page.data().isEmpty()) {
      node.put("after", id.apply(page.data().get(page.data().size() - 1)));
    }
    return node;
  }
}
