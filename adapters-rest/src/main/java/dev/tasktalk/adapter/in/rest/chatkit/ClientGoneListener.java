package dev.tasktalk.adapter.in.rest.chatkit;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/** Tells a running {@link SseStream} when the container gives up on its request. */
final class ClientGoneListener implements AsyncListener {

  private final SseStream stream;

  ClientGoneListener(SseStream stream) {
    this.stream = stream;
  }

  @Override
  public void onError(AsyncEvent event) {
    stream.clientGone();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    stream.clientGone();
  }

  @Override
  public void onComplete(AsyncEvent event) {}

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
