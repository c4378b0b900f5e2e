package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
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

/**
 * A ChatKit service over the in-memory store and a {@link ScriptedResponder}, with helpers that
 * send typed requests and collect the answers. The ChatKit endpoint's tests wrap it to speak JSON.
 */
public class ChatKitFixture {

  public static final UserId ALICE = new UserId("alice");
  public static final UserId BOB = new UserId("bob");
  public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  public final InMemoryChatStore store = new InMemoryChatStore();
  public final ChatKitCountingItemRepository items =
      new ChatKitCountingItemRepository(store.items());
  public final ScriptedResponder responder = new ScriptedResponder();
  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  public final ChatKitSettings settings = ChatKitSettings.defaults();
  public final ChatKitService service;

  public ChatKitFixture() {
    service =
        new ChatKitService(
            store.threads(),
            items,
            store.attachments(),
            store.runs(),
            store.feedback(),
            responder,
            (audio, mimeType) -> "heard " + audio.length + " bytes of " + mimeType,
            clock,
            settings);
  }

  /** The answer to a request, streaming or not. */
  public ChatKitResult result(UserId owner, ChatKitRequest request) {
    return service.process(owner, request);
  }

  /** The domain events of a streaming request, awaited to the end. */
  public List<ThreadEvent> events(UserId owner, ChatKitRequest request) {
    return multi(owner, request).collect().asList().await().atMost(Duration.ofSeconds(10));
  }

  public Multi<ThreadEvent> multi(UserId owner, ChatKitRequest request) {
    return streamOf(service.process(owner, request));
  }

  /** The events of a result that must be a stream. */
  public static Multi<ThreadEvent> streamOf(ChatKitResult result) {
    if (!(result instanceof ChatKitResult.Stream stream)) {
      throw new AssertionError("expected a stream, got " + result);
    }
    return stream.events();
  }

  /** Starts a thread with {@code text} and returns its id once the answer is complete. */
  public String createThread(UserId owner, String text) {
    ThreadEvent first = events(owner, newThread(text)).get(0);
    return ((ThreadEvent.ThreadCreated) first).thread().id().value();
  }

  /** Every stored item of the thread, hidden ones included, oldest first. */
  public List<ThreadItem> stored(UserId owner, String threadId) {
    return store.items().latest(owner, new ThreadId(threadId), 10_000);
  }

  /** An uploaded attachment of {@code owner}. */
  public Attachment uploaded(UserId owner, String name, String mimeType) {
    Attachment attachment =
        new Attachment(AttachmentId.generate(), owner, name, mimeType, 3, null, false, NOW);
    store.attachments().save(attachment);
    store.attachments().storeContent(owner, attachment.id(), new byte[] {1, 2, 3});
    return store.attachments().find(owner, attachment.id()).orElseThrow();
  }

  // Requests, as the ChatKit endpoint hands them over once parsed.

  public static ChatKitRequest newThread(String text) {
    return new ChatKitRequest.CreateThread(userInput(text));
  }

  public static ChatKitRequest userMessage(String threadId, String text) {
    return new ChatKitRequest.AddUserMessage(new ThreadId(threadId), userInput(text));
  }

  /**
   * What the composer sends for plain text: one text part, an empty quote, no files, no options.
   */
  public static ChatKitRequest.UserInput userInput(String text) {
    return new ChatKitRequest.UserInput(
        List.of(new ChatKitRequest.UserContent.InputText(text)),
        List.of(),
        "",
        ChatKitRequest.InferenceOptions.NONE);
  }
}
