package dev.tasktalk.adapter.in.rest.chatkit;

import dev.tasktalk.domain.event.ThreadEvent;
import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a stream of thread events as Server-Sent Events, one {@code data: <json>\n\n} frame per
 * event, flushed at once. A client that goes away cancels the subscription, which is how the
 * application stops the model and keeps the partial answer (the ChatKit Stop button aborts the
 * request).
 */
public final class SseStream implements Flow.Subscriber<ThreadEvent> {

  private static final Logger LOG = Logger.getLogger(SseStream.class.getName());
  private static final String STREAM_ERROR =
      "{\"type\":\"error\",\"code\":\"stream.error\",\"allow_retry\":true}";

  private static final SseSink NOWHERE =
      new SseSink() {
        @Override
        public void write(byte[] bytes) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final Function<ThreadEvent, String> toJson;
  private final SseSink sink;
  // Events arrive on the emitting thread, disconnects on a container thread: writes never
  // interleave.
  private final ReentrantLock writing = new ReentrantLock();
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private final AtomicBoolean finished = new AtomicBoolean();

  public SseStream(Function<ThreadEvent, String> toJson, SseSink sink) {
    this.toJson = Objects.requireNonNull(toJson);
    this.sink = Objects.requireNonNull(sink);
  }

  /** Subscribes to {@code events}; writing happens on whatever thread emits. */
  public void consume(Multi<ThreadEvent> events) {
    events.subscribe().withSubscriber(this);
  }

  /** Subscribes and cancels at once, for a stream that cannot be delivered at all. */
  public static void abandon(Multi<ThreadEvent> events) {
    SseStream stream = new SseStream(event -> null, NOWHERE);
    stream.clientGone();
    stream.consume(events);
  }

  /** The frame for one event's JSON: exactly {@code data: <json>\n\n}. */
  public static byte[] frame(String json) {
    return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.compareAndSet(null, s)) {
      s.cancel();
      return;
    }
    if (finished.get()) {
      s.cancel(); // the client left before the stream even started
      return;
    }
    // No demand accounting: a slow client blocks the emitting thread in write(), which is the
    // back-pressure; asking one by one would fail producers that buffer only a little.
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(ThreadEvent event) {
    writing.lock();
    try {
      if (finished.get()) {
        return;
      }
      String json;
      try {
        json = toJson.apply(event);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "cannot render a stream event; ending the stream", e);
        cancelUpstream();
        failLocked();
        return;
      }
      if (json != null) {
        send(frame(json));
      }
    } finally {
      writing.unlock();
    }
  }

  @Override
  public void onError(Throwable failure) {
    LOG.log(
        Level.WARNING, "a response stream failed; the client gets a stream.error event", failure);
    writing.lock();
    try {
      failLocked();
    } finally {
      writing.unlock();
    }
  }

  @Override
  public void onComplete() {
    writing.lock();
    try {
      if (finished.compareAndSet(false, true)) {
        sink.close();
      }
    } finally {
      writing.unlock();
    }
  }

  /** The container reports the client gone (error or timeout): stop the response, quietly. */
  public void clientGone() {
    if (finished.compareAndSet(false, true)) {
      cancelUpstream();
      writing.lock();
      try {
        sink.close();
      } finally {
        writing.unlock();
      }
    }
  }

  public boolean isFinished() {
    return finished.get();
  }

  private void send(byte[] frame) {
    try {
      sink.write(frame);
      sink.flush();
    } catch (IOException e) {
      // The only sign of a closed connection a blocking servlet stream gives: Stop was pressed.
      LOG.log(Level.FINE, "client went away during a stream: {0}", e.toString());
      if (finished.compareAndSet(false, true)) {
        cancelUpstream();
        sink.close();
      }
    }
  }

  private void failLocked() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    try {
      sink.write(frame(STREAM_ERROR));
      sink.flush();
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away before the error event: {0}", e.toString());
    }
    sink.close();
  }

  private void cancelUpstream() {
    Flow.Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
  }
}
