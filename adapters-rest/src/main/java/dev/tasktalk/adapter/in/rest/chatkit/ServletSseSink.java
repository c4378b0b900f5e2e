package dev.tasktalk.adapter.in.rest.chatkit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;

/**
 * The body of an asynchronous servlet response as an {@link SseSink}. It writes to the raw output
 * stream, never a {@code PrintWriter}, because a writer swallows the IOException that says the
 * client has gone.
 */
final class ServletSseSink implements SseSink {

  private final AsyncContext async;
  private final ServletOutputStream out;

  ServletSseSink(AsyncContext async, ServletOutputStream out) {
    this.async = async;
    this.out = out;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() {
    complete(async);
  }

  /** Ends an asynchronous response, whoever got there first. */
  static void complete(AsyncContext async) {
    try {
      async.complete();
    } catch (IllegalStateException alreadyEnded) {
      // The container ended the request first (client error or timeout): nothing left to close.
    }
  }
}
