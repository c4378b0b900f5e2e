package dev.tasktalk.application.port.in.chatkit;

import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import io.smallrye.mutiny.Multi;
import java.util.Objects;
import java.util.Optional;

/**
 * A ChatKit request's answer: one object for the endpoint to render as a JSON body, or a stream of
 * events to send as SSE. Pages may hold hidden items; the endpoint leaves them out after
 * pagination, so {@code has_more} and the cursor still describe the stored page.
 */
public sealed interface ChatKitResult {

  /**
   * A thread with one page of its items ({@code threads.get_by_id}) or none ({@code
   * threads.update}).
   */
  record ThreadResult(ChatThread thread, Page<ThreadItem> items) implements ChatKitResult {
    public ThreadResult {
      Objects.requireNonNull(thread, "thread");
      Objects.requireNonNull(items, "items");
    }
  }

  /** A page of threads ({@code threads.list}), each without items. */
  record ThreadPage(Page<ChatThread> threads) implements ChatKitResult {}

  /** A page of items ({@code items.list}). */
  record ItemPage(Page<ThreadItem> items) implements ChatKitResult {}

  /**
   * An attachment: just created ({@code attachments.create}, with where to upload it) or uploaded.
   */
  record AttachmentResult(Attachment attachment) implements ChatKitResult {}

  /** The text of dictated audio ({@code input.transcribe}). */
  record Transcription(String text) implements ChatKitResult {}

  /** What a synchronous widget action changed: the item to show instead, or nothing visible. */
  record ActionResult(Optional<ThreadItem> updatedItem) implements ChatKitResult {}

  /**
   * Done, with nothing to say: the answer is an empty object ({@code threads.delete}, feedback, …).
   */
  record Empty() implements ChatKitResult {}

  /**
   * Events to stream in order. Cancelling the subscription (the client went away: the Stop button)
   * stops the response: the model call is cancelled, partial text kept, the run marked cancelled.
   */
  record Stream(Multi<ThreadEvent> events) implements ChatKitResult {}
}
