package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.json.JsonObject;
import dev.tasktalk.application.json.JsonValue;
import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.port.out.turn.TurnInput;
import dev.tasktalk.application.testing.ChatFixtures;
import dev.tasktalk.application.testing.InMemoryChatStore;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link AgentResponder} over a scripted model, a fake toolbox and fake approvals, in a thread
 * of the in-memory store. {@link #say} and {@link #click} play a turn to its end and store what it
 * emitted as the ChatKit pipeline would (done items added, replaced items saved, titles set).
 */
final class AgentFixture {

  static final UserId ALICE = new UserId("alice");
  static final UserId BOB = new UserId("bob");
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  final InMemoryChatStore store = new InMemoryChatStore();
  final ScriptedModel model = new ScriptedModel();
  final FakeToolbox toolbox = new FakeToolbox();
  final RecordedApprovals approvals = new RecordedApprovals(store);
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final List<TurnMetrics> metrics = new CopyOnWriteArrayList<>();
  AgentSettings settings = AgentSettings.defaults();
  ChatThread thread;
  private AgentResponder responder;

  AgentFixture() {
    thread = ChatFixtures.aThread(ALICE, NOW);
    store.threads().add(thread);
  }

  AgentResponder responder() {
    if (responder == null) {
      responder =
          new AgentResponder(
              model, toolbox, approvals, store.items(), clock, settings, metrics::add);
    }
    return responder;
  }

  /**
   * Stores a user message saying {@code text} and plays the responder's answer; returns its events.
   */
  List<ThreadEvent> say(String text) {
    return play(respondTo(text));
  }

  /** Stores a user message saying {@code text} and returns the (unsubscribed) answer. */
  Multi<ThreadEvent> respondTo(String text) {
    ThreadItem message = userMessage(text);
    store.items().add(ALICE, message);
    return responder().respond(new TurnInput(ALICE, thread.copy(), stored(), Optional.of(message)));
  }

  /**
   * Clicks {@code action} ({@code approval.confirm} / {@code approval.cancel}) on the stored card.
   */
  List<ThreadEvent> click(String action, ThreadItem card) {
    return play(clicking(action, card));
  }

  Multi<ThreadEvent> clicking(String action, ThreadItem card) {
    String approvalId = approvalIdOf(card);
    return responder()
        .action(
            new ActionInput(
                ALICE,
                thread.copy(),
                action,
                Json.write(Json.object().put("approval_id", approvalId)),
                Optional.of(card)));
  }

  /** Plays a stream to its end and stores its items; fails the test if the stream fails. */
  List<ThreadEvent> play(Multi<ThreadEvent> events) {
    AssertSubscriber<ThreadEvent> subscriber =
        events.subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    subscriber.awaitCompletion(Duration.ofSeconds(5));
    List<ThreadEvent> all = subscriber.getItems();
    all.forEach(this::store);
    return all;
  }

  /** Plays a stream that must fail; stores what came before and returns the failure. */
  Throwable playFailing(Multi<ThreadEvent> events) {
    AssertSubscriber<ThreadEvent> subscriber =
        events.subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    subscriber.awaitFailure(Duration.ofSeconds(5));
    subscriber.getItems().forEach(this::store);
    return subscriber.getFailure();
  }

  List<ThreadItem> stored() {
    return store.items().latest(ALICE, thread.id(), 1_000);
  }

  List<ThreadItem> stored(ItemType type) {
    return stored().stream().filter(item -> item.type() == type).toList();
  }

  ThreadItem lastStored(ItemType type) {
    List<ThreadItem> items = stored(type);
    return items.get(items.size() - 1);
  }

  static String approvalIdOf(ThreadItem card) {
    return Json.parseObject(card.payload())
        .path("widget")
        .path("confirm")
        .path("action")
        .path("payload")
        .path("approval_id")
        .asString("");
  }

  ThreadItem userMessage(String text) {
    JsonObject payload = Json.object();
    payload.putArray("content").addObject().put("type", "input_text").put("text", text);
    payload.putArray("attachments");
    return new ThreadItem(
        ItemId.generate(ItemType.USER_MESSAGE),
        thread.id(),
        ItemType.USER_MESSAGE,
        NOW,
        Json.write(payload));
  }

  /** The JSON text as a tree, whose equality ignores key order and white space. */
  static JsonValue json(String text) {
    return Json.parse(text);
  }

  private void store(ThreadEvent event) {
    if (event instanceof ThreadEvent.ItemDone done) {
      store.items().add(ALICE, done.item());
    } else if (event instanceof ThreadEvent.ItemReplaced replaced) {
      store.items().save(ALICE, replaced.item());
    } else if (event instanceof ThreadEvent.TitleChanged title) {
      thread.retitle(title.title());
      store.threads().update(thread);
    }
  }
}
