package dev.tasktalk.adapter.in.rest.chatkit;

import java.io.IOException;

/** Where an {@link SseStream} puts its bytes: the response body of one streaming request. */
public interface SseSink {

  void write(byte[] bytes) throws IOException;

  /** Pushes everything written so far to the client; fails when the client has gone. */
  void flush() throws IOException;

  /** Ends the response body; quietly does nothing when it has already ended. */
  void close();
}
