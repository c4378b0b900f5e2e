package dev.tasktalk.application.port.in.chatkit;

import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ThreadId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One ChatKit protocol request, validated and typed: a record per request {@code type} of protocol
 * 1.6.5. The ChatKit endpoint parses them from the JSON body; JSON-valued members (tag data, tool
 * results, action payloads) arrive as compact JSON text the endpoint has already checked.
 */
public sealed interface ChatKitRequest {

  Type kind();

  /** The wire name, e.g. {@code threads.create}. */
  default String type() {
    return kind().wireName();
  }

  /** Whether the answer is a stream of events (SSE) rather than one JSON body. */
  default boolean streaming() {
    return kind().streaming();
  }

  /** The request types with their wire names and whether they stream. */
  enum Type {
    GET_THREAD("threads.get_by_id", false),
    CREATE_THREAD("threads.create", true),
    LIST_THREADS("threads.list", false),
    ADD_USER_MESSAGE("threads.add_user_message", true),
    ADD_CLIENT_TOOL_OUTPUT("threads.add_client_tool_output", true),
    ADD_STRUCTURED_INPUT("threads.add_structured_input", true),
    RETRY_AFTER_ITEM("threads.retry_after_item", true),
    CUSTOM_ACTION("threads.custom_action", true),
    SYNC_CUSTOM_ACTION("threads.sync_custom_action", false),
    UPDATE_THREAD("threads.update", false),
    DELETE_THREAD("threads.delete", false),
    LIST_ITEMS("items.list", false),
    FEEDBACK("items.feedback", false),
    CREATE_ATTACHMENT("attachments.create", false),
    DELETE_ATTACHMENT("attachments.delete", false),
    TRANSCRIBE("input.transcribe", false);

    private final String wireName;
    private final boolean streaming;

    Type(String wireName, boolean streaming) {
      this.wireName = wireName;
      this.streaming = streaming;
    }

    public String wireName() {
      return wireName;
    }

    public boolean streaming() {
      return streaming;
    }

    public static Optional<Type> fromWire(String name) {
      for (Type type : values()) {
        if (type.wireName.equals(name)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }
  }

  /** {@code threads.get_by_id}. */
  record GetThread(ThreadId threadId) implements ChatKitRequest {
    public Type kind() {
      return Type.GET_THREAD;
    }
  }

  /** {@code threads.create}: a new thread with its first message. */
  record CreateThread(UserInput input) implements ChatKitRequest {
    public Type kind() {
      return Type.CREATE_THREAD;
    }
  }

  /** {@code threads.list}; {@code after} is null for the first page. */
  record ListThreads(int limit, boolean descending, ThreadId after) implements ChatKitRequest {
    public Type kind() {
      return Type.LIST_THREADS;
    }
  }

  /** {@code threads.add_user_message}. */
  record AddUserMessage(ThreadId threadId, UserInput input) implements ChatKitRequest {
    public Type kind() {
      return Type.ADD_USER_MESSAGE;
    }
  }

  /**
   * {@code threads.add_client_tool_output}; {@code result} is the JSON the browser's tool returned.
   */
  record AddClientToolOutput(ThreadId threadId, String result) implements ChatKitRequest {
    public Type kind() {
      return Type.ADD_CLIENT_TOOL_OUTPUT;
    }
  }

  /** {@code threads.add_structured_input}: answers to a pending {@code structured_input} item. */
  record AddStructuredInput(ThreadId threadId, ItemId itemId, StructuredAnswers input)
      implements ChatKitRequest {
    public Type kind() {
      return Type.ADD_STRUCTURED_INPUT;
    }
  }

  /** {@code threads.retry_after_item}: regenerate the answer to the user message {@code itemId}. */
  record RetryAfterItem(ThreadId threadId, ItemId itemId) implements ChatKitRequest {
    public Type kind() {
      return Type.RETRY_AFTER_ITEM;
    }
  }

  /**
   * {@code threads.custom_action}: a streaming widget action, sent by {@code itemId} if present.
   */
  record CustomAction(ThreadId threadId, Optional<ItemId> itemId, Action action)
      implements ChatKitRequest {
    public Type kind() {
      return Type.CUSTOM_ACTION;
    }
  }

  /** {@code threads.sync_custom_action}: a widget action answered with one JSON body. */
  record SyncCustomAction(ThreadId threadId, Optional<ItemId> itemId, Action action)
      implements ChatKitRequest {
    public Type kind() {
      return Type.SYNC_CUSTOM_ACTION;
    }
  }

  /** {@code threads.update}: rename. */
  record UpdateThread(ThreadId threadId, String title) implements ChatKitRequest {
    public Type kind() {
      return Type.UPDATE_THREAD;
    }
  }

  /** {@code threads.delete}. */
  record DeleteThread(ThreadId threadId) implements ChatKitRequest {
    public Type kind() {
      return Type.DELETE_THREAD;
    }
  }

  /** {@code items.list}; {@code after} is null for the first page. */
  record ListItems(ThreadId threadId, int limit, boolean descending, ItemId after)
      implements ChatKitRequest {
    public Type kind() {
      return Type.LIST_ITEMS;
    }
  }

  /** {@code items.feedback}; {@code kind} is {@code positive} or {@code negative}. */
  record Feedback(ThreadId threadId, List<ItemId> itemIds, String feedbackKind)
      implements ChatKitRequest {
    public Feedback {
      itemIds = List.copyOf(itemIds);
    }

    public Type kind() {
      return Type.FEEDBACK;
    }
  }

  /** {@code attachments.create}: phase 1 of a two-phase upload. */
  record CreateAttachment(String name, long size, String mimeType) implements ChatKitRequest {
    public Type kind() {
      return Type.CREATE_ATTACHMENT;
    }
  }

  /** {@code attachments.delete}. */
  record DeleteAttachment(AttachmentId attachmentId) implements ChatKitRequest {
    public Type kind() {
      return Type.DELETE_ATTACHMENT;
    }
  }

  /** {@code input.transcribe}: dictated audio, still base64 as sent. */
  record Transcribe(String audioBase64, String mimeType) implements ChatKitRequest {
    public Type kind() {
      return Type.TRANSCRIBE;
    }
  }

  /**
   * What the user typed: content parts, ids of uploaded attachments, the quoted reply (null when
   * none) and the tool/model the composer picked.
   */
  record UserInput(
      List<UserContent> content,
      List<AttachmentId> attachments,
      String quotedText,
      InferenceOptions inferenceOptions) {
    public UserInput {
      content = List.copyOf(content);
      attachments = List.copyOf(attachments);
      Objects.requireNonNull(inferenceOptions, "inferenceOptions");
    }
  }

  /** A part of a user message: plain text or an @-mention tag. */
  sealed interface UserContent {

    /** {@code input_text}. */
    record InputText(String text) implements UserContent {}

    /** {@code input_tag}: {@code data} is a JSON object as text, {@code group} may be null. */
    record InputTag(String id, String text, String data, String group, boolean interactive)
        implements UserContent {}
  }

  /** The composer's tool choice and model; either may be null. */
  record InferenceOptions(String toolChoiceId, String model) {
    public static final InferenceOptions NONE = new InferenceOptions(null, null);
  }

  /** A widget action: its type and its payload as JSON text ({@code null} when absent). */
  record Action(String type, String payload) {}

  /** A structured-input submission: skipped as a whole, or answers by input id. */
  record StructuredAnswers(boolean skipped, Map<String, Answer> answers) {
    public StructuredAnswers {
      answers = Map.copyOf(answers);
    }
  }

  /** One answer: the chosen or typed values, or skipped. */
  record Answer(List<String> values, boolean skipped) {
    public Answer {
      values = List.copyOf(values);
    }
  }
}
