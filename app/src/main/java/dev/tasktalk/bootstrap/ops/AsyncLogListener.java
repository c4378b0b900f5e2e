package dev.tasktalk.bootstrap.ops;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Logs a streamed (asynchronous) request when its stream ends rather than when the servlet returns.
 */
final class AsyncLogListener implements AsyncListener {

  private final RequestLogFilter filter;
  private final HttpServletRequest request;
  private final long started;

  AsyncLogListener(RequestLogFilter filter, HttpServletRequest request, long started) {
    this.filter = filter;
    this.request = request;
    this.started = started;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    filter.log(request, ((HttpServletResponse) event.getSuppliedResponse()).getStatus(), started);
  }

  @Override
  public void onTimeout(AsyncEvent event) {}

  @Override
  public void onError(AsyncEvent event) {}

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
