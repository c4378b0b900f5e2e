package dev.tasktalk.adapter.in.rest.todo;

import dev.tasktalk.adapter.in.rest.chatkit.SseSink;
import dev.tasktalk.adapter.in.rest.common.ApiError;
import dev.tasktalk.adapter.in.rest.common.Owners;
import dev.tasktalk.adapter.in.rest.common.ServletJson;
import dev.tasktalk.application.port.in.todo.WatchTodosUseCase;
import dev.tasktalk.domain.user.UserId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/tasks/events}: a server-sent event each time the signed-in user's tasks change,
 * through whichever instance (REST, the assistant, MCP), so a task list stays current without
 * polling. The request holds no thread while it waits.
 */
@WebServlet(urlPatterns = "/api/tasks/events", asyncSupported = true)
public class TodoEventsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final long KEEP_ALIVE_SECONDS = 20;

  @Inject transient WatchTodosUseCase watchTodos;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  transient ManagedScheduledExecutorService executor;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (request.getMethod()) {
      case "GET" -> {
        Optional<UserId> owner = Owners.find(request.getUserPrincipal());
        if (owner.isEmpty()) {
          ServletJson.error(response, ApiError.unauthorized());
        } else {
          open(request, response, owner.get());
        }
      }
      case "OPTIONS" -> ServletJson.options(response, "GET, OPTIONS");
      default -> ServletJson.methodNotAllowed(response, "GET");
    }
  }

  private void open(HttpServletRequest request, HttpServletResponse response, UserId owner)
      throws IOException {
    response.setStatus(200);
    response.setContentType("text/event-stream; charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no"); // nginx would hold the events back
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(0);
    ServletOutputStream out = response.getOutputStream();
    TodoEventStream stream =
        new TodoEventStream(
            new SseSink() {
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
                try {
                  async.complete();
                } catch (IllegalStateException alreadyEnded) {
                  // the container ended it first
                }
              }
            });
    async.addListener(new Ended(stream));
    // Events arrive on the feed's listening thread: write them elsewhere, so one slow client holds
    // up no one.
    var watch = watchTodos.watch(owner, () -> executor.execute(stream::changed));
    ScheduledFuture<?> keepAlive =
        executor.scheduleAtFixedRate(
            stream::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    stream.onClose(
        () -> {
          keepAlive.cancel(false);
          watch.close();
        });
    stream.ready();
  }

  /** Closes the stream when the container gives up on the request. */
  private record Ended(TodoEventStream stream) implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      stream.close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      stream.close();
    }

    @Override
    public void onError(AsyncEvent event) {
      stream.close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
