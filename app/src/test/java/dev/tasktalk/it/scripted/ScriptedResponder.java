package dev.tasktalk.it.scripted;

import dev.tasktalk.application.port.out.turn.ActionInput;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.port.out.turn.TurnInput;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A responder that does what the user's message tells it, for driving the ChatKit server end to end
 * without a model. A message {@code #script [steps…]} plays the steps; everything else (and
 * approval actions) goes to the real responder it wraps. Steps (JSON objects): {@code text} (+
 * {@code chunks}, {@code delay_ms}), {@code widget} (+ {@code copy_text}), {@code workflow} (task
 * titles), {@code title}, {@code progress}, {@code effect} (+ {@code data}), {@code notice}, {@code
 * hidden}, {@code client_tool} ({@code name}, {@code arguments}), {@code structured_input}
 * (inputs), {@code end_of_turn}, {@code error} (+ {@code custom}), {@code hang} (never finishes:
 * for Stop). Test code only: an IT deployment adds it through {@link ScriptedResponderProducer}.
 */
public final class ScriptedResponder implements Responder {

  private static final String SCRIPT = "#script";

  private final Clock clock;
  private final Responder fallback;

  public ScriptedResponder(Clock clock, Responder fallback) {
    this.clock = clock;
    this.fallback = fallback;
  }

  @Override
  public Multi<ThreadEvent> respond(TurnInput input) {
    ScriptedEvents events = new ScriptedEvents(input.thread().id(), clock);
    String text = input.userMessage().map(ScriptedResponder::userText).orElse("");
    if (!text.strip().startsWith(SCRIPT)) {
      return fallback.respond(input);
    }
    try {
      JsonNode steps = ScriptedEvents.json().readTree(text.strip().substring(SCRIPT.length()));
      List<Multi<ThreadEvent>> parts = new ArrayList<>();
      for (JsonNode step : steps) {
        parts.add(play(step, events));
      }
      return Multi.createBy().concatenating().streams(parts);
    } catch (JacksonException e) {
      return Multi.createFrom()
          .failure(new ScriptFailure("not a valid script: " + e.getOriginalMessage()));
    }
  }

  private Multi<ThreadEvent> play(JsonNode step, ScriptedEvents events) {
    var json = ScriptedEvents.json();
    if (step.has("text")) {
      return events.message(
          step.get("text").asString(),
          step.path("chunks").asInt(3),
          Duration.ofMillis(step.path("delay_ms").asLong(0)));
    }
    if (step.has("widget")) {
      ObjectNode payload = json.createObjectNode().set("widget", step.get("widget"));
      if (step.has("copy_text")) {
        payload.put("copy_text", step.get("copy_text").asString());
      }
      return one(events.done(ItemType.WIDGET, payload));
    }
    if (step.has("workflow")) {
      var tasks = json.createArrayNode();
      step.get("workflow")
          .forEach(
              title ->
                  tasks.add(
                      json.createObjectNode()
                          .put("type", "custom")
                          .put("title", title.asString())
                          .put("status_indicator", "complete")));
      ObjectNode workflow = json.createObjectNode().put("type", "custom").put("expanded", false);
      workflow.set("tasks", tasks);
      return one(events.done(ItemType.WORKFLOW, json.createObjectNode().set("workflow", workflow)));
    }
    if (step.has("title")) {
      return one(new ThreadEvent.TitleChanged(step.get("title").asString()));
    }
    if (step.has("progress")) {
      return one(
          new ThreadEvent.ProgressUpdate(
              step.path("icon").asString("bolt"), step.get("progress").asString()));
    }
    if (step.has("effect")) {
      JsonNode data = step.has("data") ? step.get("data") : json.createObjectNode();
      return one(new ThreadEvent.ClientEffect(step.get("effect").asString(), data.toString()));
    }
    if (step.has("notice")) {
      return one(
          new ThreadEvent.Notice(
              step.path("level").asString("info"),
              step.get("notice").asString(),
              step.has("notice_title") ? step.get("notice_title").asString() : null));
    }
    if (step.has("hidden")) {
      return one(
          events.done(
              ItemType.HIDDEN_CONTEXT,
              json.createObjectNode().put("content", step.get("hidden").asString())));
    }
    if (step.has("client_tool")) {
      JsonNode call = step.get("client_tool");
      ObjectNode payload =
          json.createObjectNode()
              .put("status", "pending")
              .put("call_id", "call_" + Long.toHexString(System.nanoTime()))
              .put("name", call.path("name").asString("tool"));
      payload.set(
          "arguments", call.has("arguments") ? call.get("arguments") : json.createObjectNode());
      return one(events.done(ItemType.CLIENT_TOOL_CALL, payload));
    }
    if (step.has("structured_input")) {
      ObjectNode payload = json.createObjectNode().put("status", "pending");
      payload.set("inputs", step.get("structured_input"));
      return one(events.done(ItemType.STRUCTURED_INPUT, payload));
    }
    if (step.has("end_of_turn")) {
      return one(events.done(ItemType.END_OF_TURN, json.createObjectNode()));
    }
    if (step.has("error")) {
      String message = step.get("error").asString();
      return Multi.createFrom()
          .failure(
              step.path("custom").asBoolean(true)
                  ? new ScriptFailure(message)
                  : new IllegalStateException(message));
    }
    if (step.has("hang")) {
      return Multi.createFrom().nothing();
    }
    return Multi.createFrom().failure(new ScriptFailure("unknown script step " + step));
  }

  @Override
  public Multi<ThreadEvent> action(ActionInput input) {
    if (input.type().startsWith("approval.")) {
      return fallback.action(input);
    }
    ScriptedEvents events = new ScriptedEvents(input.thread().id(), clock);
    Optional<ThreadItem> replaced = replacement(input);
    Multi<ThreadEvent> reply =
        events.message("Action " + input.type() + " received.", 1, Duration.ZERO);
    return replaced
        .<Multi<ThreadEvent>>map(
            item ->
                Multi.createBy()
                    .concatenating()
                    .streams(one(new ThreadEvent.ItemReplaced(item)), reply))
        .orElse(reply);
  }

  @Override
  public Optional<ThreadItem> syncAction(ActionInput input) {
    return input.type().startsWith("approval.") ? fallback.syncAction(input) : replacement(input);
  }

  /** A payload carrying {@code widget} replaces the sending widget with it. */
  private static Optional<ThreadItem> replacement(ActionInput input) {
    try {
      JsonNode payload = ScriptedEvents.json().readTree(input.payload());
      if (input.sender().isEmpty() || !payload.has("widget")) {
        return Optional.empty();
      }
      ThreadItem sender = input.sender().get();
      ObjectNode body = (ObjectNode) ScriptedEvents.json().readTree(sender.payload());
      body.set("widget", payload.get("widget"));
      return Optional.of(sender.withPayload(body.toString()));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static Multi<ThreadEvent> one(ThreadEvent event) {
    return Multi.createFrom().item(event);
  }

  /** The text parts of a user message payload, joined. */
  static String userText(ThreadItem message) {
    try {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : ScriptedEvents.json().readTree(message.payload()).path("content")) {
        text.append(part.path("text").asString(""));
      }
      return text.toString();
    } catch (JacksonException e) {
      return "";
    }
  }
}
