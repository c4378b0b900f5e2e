package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.run.Run;
import dev.tasktalk.domain.run.RunStatus;
import dev.tasktalk.domain.shared.ConflictException;
import dev.tasktalk.domain.shared.DomainException;
import dev.tasktalk.domain.shared.UnavailableException;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import dev.tasktalk.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one response stream (§6.2 of the protocol): it stores what the responder emits at
 * item boundaries only (done, replaced, removed; never per text delta), keeps added items pending
 * with their updates, stores title changes, and settles the run once, whether the stream completed,
 * failed or was cancelled. Events and the cancellation can arrive on different threads, hence the
 * lock.
 */
final class StreamSession {

  private static final System.Logger LOG = System.getLogger(StreamSession.class.getName());

  private final UserId owner;
  private final Run run;
  private final ChatThreadRepository threads;
  private final ThreadItemRepository items;
  private final Runs runs;
  private final Clock clock;
  private final Map<ItemId, PendingItem> pending = new LinkedHashMap<>();
  private ChatThread thread;
  private Duration firstToken;
  private String failure;
  private boolean closed;

  StreamSession(
      UserId owner,
      ChatThread thread,
      Run run,
      ChatThreadRepository threads,
      ThreadItemRepository items,
      Runs runs,
      Clock clock) {
    this.owner = owner;
    this.thread = thread.copy();
    this.run = run;
    this.threads = threads;
    this.items = items;
    this.runs = runs;
    this.clock = clock;
  }

  /** Stores what {@code event} asks for and returns what the client gets (zero or one event). */
  synchronized List<ThreadEvent> apply(ThreadEvent event) {
    if (closed) {
      // The client is gone and the stream was settled; a late event must not write anything.
      return List.of();
    }
    if (firstToken == null) {
      firstToken = Duration.between(run.startedAt(), clock.instant());
    }
    if (event instanceof ThreadEvent.ItemAdded e) {
      pending.put(e.item().id(), new PendingItem(inThisThread(e.item())));
      return visible(e.item(), event);
    } else if (event instanceof ThreadEvent.ItemUpdated e) {
      PendingItem item = pending.get(e.itemId());
      if (item != null) {
        item.apply(Json.parseObject(e.update()));
        return visible(item.item(), event);
      }
      return List.of(event);
    } else if (event instanceof ThreadEvent.ItemDone e) {
      items.add(owner, inThisThread(e.item()));
      pending.remove(e.item().id());
      return visible(e.item(), event);
    } else if (event instanceof ThreadEvent.ItemReplaced e) {
      items.save(owner, inThisThread(e.item()));
      pending.remove(e.item().id());
      return visible(e.item(), event);
    } else if (event instanceof ThreadEvent.ItemRemoved e) {
      items.delete(owner, thread.id(), e.itemId());
      pending.remove(e.itemId());
      return List.of(event);
    } else if (event instanceof ThreadEvent.TitleChanged e) {
      thread.retitle(shortened(e.title()));
      return List.of(storeThread());
    } else if (event instanceof ThreadEvent.ThreadUpdated e) {
      if (!e.thread().id().equals(thread.id())) {
        throw new IllegalStateException("a responder may only update its own thread");
      }
      thread = e.thread().copy();
      return List.of(storeThread());
    } else if (event instanceof ThreadEvent.ThreadCreated) {
      throw new IllegalStateException("a responder cannot create threads");
    } else if (event instanceof ThreadEvent.Error e) {
      failure = e.message() == null ? e.code() : e.message();
    }
    return List.of(event);
  }

  /**
   * The in-band error that ends a failed stream; the stream then completes normally. What the user
   * already saw of an unfinished answer (the model broke off mid-answer) is kept as on Stop, with a
   * hidden note that it was cut off, so a reload shows it and the next turn knows it is incomplete.
   */
  synchronized ThreadEvent.Error failed(Throwable error) {
    failure = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (!closed) {
      keepPartialAnswers(false);
    }
    if (error instanceof DomainException domain) {
      boolean transientFailure =
          domain instanceof UnavailableException || domain instanceof ConflictException;
      return ThreadEvent.Error.custom(domain.getMessage(), transientFailure);
    }
    LOG.log(Level.WARNING, "response in thread " + thread.id() + " failed", error);
    return ThreadEvent.Error.streamError(true);
  }

  /** The stream ended by completing (possibly after an in-band error). */
  synchronized void completed() {
    if (closed) {
      return;
    }
    closed = true;
    runs.finish(run, failure == null ? RunStatus.COMPLETED : RunStatus.FAILED, firstToken, failure);
  }

  /**
   * The client went away (the Stop button): keep what the user already saw of each unfinished
   * answer, leave a hidden note so the next turn does not pick the old request up again, and free
   * the thread.
   */
  synchronized void cancelled() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      keepPartialAnswers(true);
    } finally {
      runs.finish(run, RunStatus.CANCELLED, firstToken, null);
    }
  }

  /**
   * Stores each unfinished answer as far as the user saw it, then the hidden note for the next
   * turn: after Stop always (the old request must not be picked up again), after a failure only
   * when an answer was cut off (a failure before any text leaves nothing to mark, and the user may
   * retry).
   */
  private void keepPartialAnswers(boolean stopped) {
    try {
      boolean kept = false;
      for (PendingItem item : pending.values()) {
        if (item.item().type() == ItemType.ASSISTANT_MESSAGE && item.hasText()) {
          items.add(owner, item.snapshot());
          kept = true;
        }
      }
      if (stopped || kept) {
        items.add(
            owner,
            new ThreadItem(
                ItemId.generate(ItemType.SDK_HIDDEN_CONTEXT),
                thread.id(),
                ItemType.SDK_HIDDEN_CONTEXT,
                now(),
                stopped ? ItemPayloads.cancelledNote() : ItemPayloads.cutOffNote()));
      }
    } catch (ThreadNotFoundException deleted) {
      // The thread was deleted while streaming: there is nothing left to keep.
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not keep the partial answer in thread " + thread.id(), e);
    } finally {
      pending.clear();
    }
  }

  private ThreadEvent storeThread() {
    if (!threads.update(thread)) {
      throw new ThreadNotFoundException(thread.id());
    }
    return new ThreadEvent.ThreadUpdated(thread.copy());
  }

  private ThreadItem inThisThread(ThreadItem item) {
    if (!item.threadId().equals(thread.id())) {
      throw new IllegalStateException("item " + item.id() + " belongs to another thread");
    }
    return item;
  }

  private static List<ThreadEvent> visible(ThreadItem item, ThreadEvent event) {
    return item.hidden() ? List.of() : List.of(event);
  }

  private static String shortened(String title) {
    // A model's over-long title should not fail the answer it came with.
    String text = title == null ? "" : title.strip();
    return text.length() <= ChatThread.MAX_TITLE
        ? text
        : text.substring(0, ChatThread.MAX_TITLE - 1) + "…";
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
