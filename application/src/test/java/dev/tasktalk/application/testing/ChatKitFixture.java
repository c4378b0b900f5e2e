package dev.tasktalk.application.testing;

import dev.tasktalk.application.chatkit.ChatKitCodec;
import dev.tasktalk.application.chatkit.ChatKitJson;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.service.chatkit.ChatKitService;
import dev.tasktalk.application.service.chatkit.ChatKitSettings;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ChatKit service over the in-memory store and a {@link ScriptedResponder}, with helpers that send
 * requests and read answers as JSON, as a ChatKit client would.
 */
public final class ChatKitFixture {

  public static final UserId ALICE = new UserId("alice");
  public static final UserId BOB = new UserId("bob");
  public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  public final InMemoryChatStore store = new InMemoryChatStore();
  public final ChatKitCountingItemRepository items = new ChatKitCountingItemRepository(store.items());
  public final ScriptedResponder responder = new ScriptedResponder();
  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  public final ChatKitSettings settings = ChatKitSettings.defaults();
  public final ChatKitCodec codec = new ChatKitCodec(settings.publicBaseUrl());
  public final ChatKitService service;

  public ChatKitFixture() {
    service = new ChatKitService(store.threads(), items, store.attachments(), store.runs(), store.feedback(),
        responder, (audio, mimeType) -> "heard " + audio.length + " bytes of " + mimeType, clock, settings);
  }

  /** The JSON body of a non-streaming request. */
  public JsonNode json(UserId owner, String request) {
    ChatKitResult result = service.process(owner, request);
    if (!(result instanceof ChatKitResult.Json json)) {
      throw new AssertionError("expected JSON, got " + result);
    }
    return ChatKitJson.read(json.body());
  }

  /** The events of a streaming request, as the ChatKit JSON a client would receive. */
  public List<JsonNode> stream(UserId owner, String request) {
    return events(owner, request).stream().map(codec::event).map(ChatKitJson::read).toList();
  }

  /** The domain events of a streaming request, awaited to the end. */
  public List<ThreadEvent> events(UserId owner, String request) {
    return multi(owner, request).collect().asList().await().atMost(Duration.ofSeconds(10));
  }

  public Multi<ThreadEvent> multi(UserId owner, String request) {
    ChatKitResult result = service.process(owner, request);
    if (!(result instanceof ChatKitResult.Stream stream)) {
      throw new AssertionError("expected a stream, got " + result);
    }
    return stream.events();
  }

  /** Starts a thread with {@code text} and returns its id once the answer is complete. */
  public String createThread(UserId owner, String text) {
    return stream(owner, create(text)).get(0).path("thread").path("id").stringValue();
  }

  /** Every stored item of the thread, hidden ones included, oldest first. */
  public List<ThreadItem> stored(UserId owner, String threadId) {
    return store.items().latest(owner, new ThreadId(threadId), 10_000);
  }

  /** An uploaded attachment of {@code owner}. */
  public Attachment uploaded(UserId owner, String name, String mimeType) {
    Attachment attachment = new Attachment(AttachmentId.generate(), owner, name, mimeType, 3, null, false, NOW);
    store.attachments().save(attachment);
    store.attachments().storeContent(owner, attachment.id(), new byte[] {1, 2, 3});
    return store.attachments().find(owner, attachment.id()).orElseThrow();
  }

  // Request bodies, as the ChatKit client sends them.

  public static String create(String text) {
    return "{\"type\":\"threads.create\",\"params\":{\"input\":" + input(text) + "}}";
  }

  public static String addMessage(String threadId, String text) {
    return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + threadId + "\",\"input\":"
        + input(text) + "}}";
  }

  public static String input(String text) {
    ObjectNode input = ChatKitJson.object();
    input.putArray("content").addObject().put("type", "input_text").put("text", text);
    input.put("quoted_text", "");
    input.putArray("attachments");
    input.putObject("inference_options");
    return ChatKitJson.write(input);
  }

  public static String request(String type, String paramsJson) {
    return "{\"type\":\"" + type + "\",\"params\":" + paramsJson + "}";
  }
}
