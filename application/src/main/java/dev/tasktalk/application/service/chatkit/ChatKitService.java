package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.in.chatkit.ChatKitUseCase;
import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.port.out.turn.Transcriber;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.util.Objects;

/**
 * The ChatKit server: takes a parsed request, refuses what must be refused before answering, and
 * answers with a result for the endpoint to render or with a stream of events whose items it stores
 * at item boundaries.
 *
 * <p>A returned stream has already taken the thread's run and stored the user message. The caller
 * must subscribe to it exactly once; a caller that cannot deliver it must still subscribe and
 * cancel, which settles the run, since a stream never subscribed would keep its thread busy until
 * restart.
 */
public final class ChatKitService implements ChatKitUseCase {

  private final ThreadQueries queries;
  private final ThreadCommands commands;
  private final MessageTurns messages;
  private final ResumedTurns resumed;
  private final WidgetActions actions;
  private final AttachmentRequests attachmentRequests;
  private final Dictation dictation;

  public ChatKitService(
      ChatThreadRepository threads,
      ThreadItemRepository items,
      AttachmentRepository attachments,
      RunRepository runRepository,
      FeedbackRepository feedback,
      Responder responder,
      Transcriber transcriber,
      Clock clock,
      ChatKitSettings settings) {
    Objects.requireNonNull(threads, "threads");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(attachments, "attachments");
    Objects.requireNonNull(runRepository, "runRepository");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(responder, "responder");
    Objects.requireNonNull(transcriber, "transcriber");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(settings, "settings");
    Lookups lookups = new Lookups(threads, items);
    Runs runs = new Runs(runRepository, clock);
    Turns turns =
        new Turns(
            items,
            runs,
            new StreamPipeline(threads, items, runs, clock),
            responder,
            settings.historySize());
    this.queries = new ThreadQueries(lookups, threads, items);
    this.commands = new ThreadCommands(lookups, threads, feedback, clock);
    this.messages =
        new MessageTurns(
            threads,
            lookups,
            new UserMessages(items, attachments, new StoredAttachments(settings), clock),
            turns,
            clock);
    this.resumed = new ResumedTurns(lookups, items, turns);
    this.actions = new WidgetActions(lookups, items, turns, responder);
    this.attachmentRequests =
        new AttachmentRequests(attachments, new AttachmentRules(settings), clock);
    this.dictation = new Dictation(transcriber, settings.maxAttachmentBytes());
  }

  @Override
  public ChatKitResult process(UserId owner, ChatKitRequest request) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(request, "request");
    if (request instanceof ChatKitRequest.CreateThread r) {
      return stream(messages.create(owner, r.input()));
    } else if (request instanceof ChatKitRequest.AddUserMessage r) {
      return stream(messages.add(owner, r.threadId(), r.input()));
    } else if (request instanceof ChatKitRequest.AddClientToolOutput r) {
      return stream(resumed.toolOutput(owner, r));
    } else if (request instanceof ChatKitRequest.AddStructuredInput r) {
      return stream(resumed.structuredInput(owner, r));
    } else if (request instanceof ChatKitRequest.RetryAfterItem r) {
      return stream(resumed.retry(owner, r));
    } else if (request instanceof ChatKitRequest.CustomAction r) {
      return stream(actions.stream(owner, r));
    } else if (request instanceof ChatKitRequest.SyncCustomAction r) {
      return actions.sync(owner, r);
    } else if (request instanceof ChatKitRequest.GetThread r) {
      return queries.get(owner, r);
    } else if (request instanceof ChatKitRequest.ListThreads r) {
      return queries.threads(owner, r);
    } else if (request instanceof ChatKitRequest.ListItems r) {
      return queries.items(owner, r);
    } else if (request instanceof ChatKitRequest.UpdateThread r) {
      return commands.rename(owner, r);
    } else if (request instanceof ChatKitRequest.DeleteThread r) {
      return commands.delete(owner, r);
    } else if (request instanceof ChatKitRequest.Feedback r) {
      return commands.feedback(owner, r);
    } else if (request instanceof ChatKitRequest.CreateAttachment r) {
      return attachmentRequests.create(owner, r);
    } else if (request instanceof ChatKitRequest.DeleteAttachment r) {
      return attachmentRequests.delete(owner, r);
    } else if (request instanceof ChatKitRequest.Transcribe r) {
      return dictation.transcribe(r);
    }
    throw new IllegalArgumentException("unhandled request " + request.type());
  }

  private static ChatKitResult stream(Multi<ThreadEvent> events) {
    return new ChatKitResult.Stream(events);
  }
}
