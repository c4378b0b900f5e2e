package dev.tasktalk.adapter.in.rest.todo;

import dev.tasktalk.adapter.in.rest.chatkit.SseSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One open {@code GET /api/tasks/events}: a {@code tasks.changed} event after each change to the
 * user's tasks (the page then reads its list again) and a comment now and then, which keeps proxies
 * from closing an idle stream and tells a gone client apart. Writes come from several threads.
 */
final class TodoEventStream {

  static final String READY = "retry: 3000\nevent: ready\ndata: {}\n\n";
  static final String CHANGED = "event: tasks.changed\ndata: {}\n\n";
  static final String KEEP_ALIVE = ": keep-alive\n\n";

  private final SseSink sink;
  private Runnable onClose = () -> {};
  private boolean closed;

  TodoEventStream(SseSink sink) {
    this.sink = sink;
  }

  /** What to release once the stream has ended, however it ended. */
  synchronized void onClose(Runnable release) {
    if (closed) {
      release.run();
    } else {
      onClose = release;
    }
  }

  void ready() {
    send(READY);
  }

  void changed() {
    send(CHANGED);
  }

  void keepAlive() {
    send(KEEP_ALIVE);
  }

  synchronized boolean closed() {
    return closed;
  }

  /** Ends the stream (the client left, or the server stops); later events are dropped. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      onClose.run();
    } finally {
      sink.close();
    }
  }

  private synchronized void send(String frame) {
    if (closed) {
      return;
    }
    try {
      sink.write(frame.getBytes(StandardCharsets.UTF_8));
      sink.flush();
    } catch (IOException e) {
      close(); // the client has gone
    }
  }
}
