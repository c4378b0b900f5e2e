package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.ModelEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads one successful response and hands its events on as they arrive: server-sent chunks up to
 * {@code [DONE]}, or one whole JSON completion from servers that ignore {@code stream:true}. The
 * first-byte timeout applies until the first event, the idle timeout between events after it.
 */
final class EventStream {

  /** The body ended before the answer did: neither {@code [DONE]} nor a finish reason arrived. */
  static final class Truncated extends IOException {
    Truncated() {
      super("the stream ended before the answer did");
    }
  }

  private static final String DONE = "[DONE]";

  private final ChunkParser parser;
  private final ToolCallIds ids;
  private final Duration firstByteTimeout;
  private final Duration idleTimeout;
  private final Consumer<ModelEvent> sink;
  private boolean reading;
  private boolean started;

  EventStream(
      ErrorMapper errors, ToolCallIds ids, ModelSettings settings, Consumer<ModelEvent> sink) {
    this.parser = new ChunkParser(errors);
    this.ids = ids;
    this.firstByteTimeout = settings.firstByteTimeout();
    this.idleTimeout = settings.idleTimeout();
    this.sink = sink;
  }

  /**
   * Whether an event arrived; from then on the call is not retried, and a stall is an idle timeout.
   */
  boolean started() {
    return started;
  }

  /** How far this response got: still awaiting its headers, its first event, or further events. */
  ErrorMapper.Phase phase() {
    if (!reading) {
      return ErrorMapper.Phase.CONNECTING;
    }
    return started ? ErrorMapper.Phase.STREAMING : ErrorMapper.Phase.WAITING;
  }

  void read(ResponseBody body) throws IOException {
    reading = true;
    BufferedSource source = body.source();
    // OkHttp's read timeout only covered the headers; the body's own timeout is set per phase.
    source.timeout().timeout(firstByteTimeout.toMillis(), TimeUnit.MILLISECONDS);
    // Decided by the body, not its Content-Type: some gateways label event streams as JSON.
    if (startsLikeJson(source)) {
      readWhole(source);
      return;
    }
    SseReader reader = new SseReader(source);
    for (SseReader.Event event = reader.next(); event != null; event = reader.next()) {
      if (event.data().isBlank()) {
        continue;
      }
      if (!started) {
        started = true;
        source.timeout().timeout(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (event.data().strip().equals(DONE)) {
        end();
        return;
      }
      parser.accept(event.name(), event.data()).forEach(sink);
    }
    if (!parser.finished()) {
      throw new Truncated();
    }
    end();
  }

  private static boolean startsLikeJson(BufferedSource source) throws IOException {
    BufferedSource ahead = source.peek();
    while (ahead.request(1)) {
      byte first = ahead.readByte();
      if (!Character.isWhitespace(first)) {
        return first == '{' || first == '[';
      }
    }
    return false;
  }

  private void readWhole(BufferedSource source) throws IOException {
    String json = source.readUtf8();
    if (json.isBlank()) {
      throw new Truncated();
    }
    started = true;
    parser.accept(null, json).forEach(sink);
    end();
  }

  private void end() {
    parser.end(ids).forEach(sink);
  }
}
