package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.InferenceOptions;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserContent;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserInput;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.in.chatkit.ChatKitUseCase;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.StoredText;
import dev.tasktalk.domain.shared.UnavailableException;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.TimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plain JSON chat API on top of the ChatKit server: a message goes through exactly the ChatKit
 * flow (same validation, run, storage and responder) and the whole answer is collected;
 * conversations are ChatKit threads and their messages the visible user and assistant items.
 */
public final class ChatService implements ChatUseCase {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private static final int MAX_MESSAGE = 100_000;
  private static final int MAX_CONVERSATIONS = 100;
  private static final int PAGE = 100;

  private final ChatKitUseCase chatKit;
  private final ChatThreadRepository threads;
  private final ThreadItemRepository items;
  private final Duration timeout;

  public ChatService(
      ChatKitUseCase chatKit, ChatThreadRepository threads, ThreadItemRepository items) {
    this(chatKit, threads, items, DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout how long a reply may take; past it the response is cancelled as by Stop
   */
  public ChatService(
      ChatKitUseCase chatKit,
      ChatThreadRepository threads,
      ThreadItemRepository items,
      Duration timeout) {
    this.chatKit = Objects.requireNonNull(chatKit, "chatKit");
    this.threads = Objects.requireNonNull(threads, "threads");
    this.items = Objects.requireNonNull(items, "items");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public ChatReply chat(UserId owner, String message, String conversationId) {
    if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
      throw new InvalidInputException(
          "message", "message must have 1 to " + MAX_MESSAGE + " characters");
    }
    // The ChatKit parser refuses NUL for its own door; this door builds the request itself.
    StoredText.check("message", message);
    String conversation =
        conversationId == null || conversationId.isBlank() ? null : conversationId;
    ChatKitResult result = chatKit.process(owner, request(message, conversation));
    if (!(result instanceof ChatKitResult.Stream stream)) {
      throw new IllegalStateException("a message must be answered with a stream");
    }
    TurnCollector turn = new TurnCollector();
    try {
      stream.events().collect().asList().await().atMost(timeout).forEach(turn::accept);
    } catch (TimeoutException e) {
      // Waiting gave up, which cancelled the subscription: the response stopped as if by Stop.
      throw new UnavailableException(
          "the assistant did not answer within " + timeout.toSeconds() + " s");
    }
    turn.error().ifPresent(ChatService::refuse);
    String thread = turn.threadId().orElse(conversation);
    return new ChatReply(turn.text(), thread, turn.toolCalls());
  }

  @Override
  public List<Conversation> conversations(UserId owner, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_CONVERSATIONS));
    return threads.list(owner, null, size, true).data().stream()
        .map(
            t -> new Conversation(t.id().value(), t.title().orElse(null), timestamp(t.createdAt())))
        .toList();
  }

  @Override
  public List<Message> messages(UserId owner, String conversationId) {
    ThreadId id = ThreadId.parse(conversationId);
    threads.find(owner, id).orElseThrow(() -> new ThreadNotFoundException(id));
    List<Message> messages = new ArrayList<>();
    ItemId after = null;
    Page<ThreadItem> page;
    do {
      page = items.list(owner, id, after, PAGE, false);
      for (ThreadItem item : page.data()) {
        if (item.type() == ItemType.USER_MESSAGE) {
          messages.add(message(item, "user", ItemPayloads.userText(item)));
        } else if (item.type() == ItemType.ASSISTANT_MESSAGE) {
          messages.add(message(item, "assistant", ItemPayloads.assistantText(item)));
        }
      }
      after = page.data().isEmpty() ? null : page.data().get(page.data().size() - 1).id();
    } while (page.hasMore() && after != null);
    return messages;
  }

  private static ChatKitRequest request(String message, String conversationId) {
    UserInput input =
        new UserInput(
            List.of(new UserContent.InputText(message)), List.of(), null, InferenceOptions.NONE);
    return conversationId == null
        ? new ChatKitRequest.CreateThread(input)
        : new ChatKitRequest.AddUserMessage(ThreadId.parse(conversationId), input);
  }

  private static void refuse(ThreadEvent.Error error) {
    if (Runs.BUSY.equals(error.message())) {
      throw new RunInProgressException();
    }
    throw new UnavailableException(
        error.message() != null
            ? error.message()
            : "the assistant could not answer; please try again");
  }

  /** ISO-8601 in UTC with {@code Z}, as ChatKit shows times. */
  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static Message message(ThreadItem item, String role, String text) {
    return new Message(item.id().value(), role, text, timestamp(item.createdAt()));
  }
}
