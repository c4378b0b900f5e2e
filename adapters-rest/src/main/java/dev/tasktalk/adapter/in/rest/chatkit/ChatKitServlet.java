package dev.tasktalk.adapter.in.rest.chatkit;

import dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitCodec;
import dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitRequestParser;
import dev.tasktalk.adapter.in.rest.common.ApiError;
import dev.tasktalk.adapter.in.rest.common.RequestBodies;
import dev.tasktalk.adapter.in.rest.common.ServletJson;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.in.chatkit.ChatKitUseCase;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The ChatKit protocol endpoint: every request is a POST of {@code {"type","params"}}, parsed here
 * into a typed request and answered with one JSON body or an SSE stream. Streams run
 * asynchronously, so no request thread waits on the model.
 */
@WebServlet(urlPatterns = "/chatkit", asyncSupported = true)
public class ChatKitServlet extends OwnerPostServlet {

  private static final long serialVersionUID = 1L;

  @Inject ChatKitUseCase chatKit;
  @Inject ChatKitCodec codec;

  public ChatKitServlet() {}

  ChatKitServlet(ChatKitUseCase chatKit, ChatKitCodec codec) {
    this.chatKit = chatKit;
    this.codec = codec;
  }

  @Override
  protected void post(HttpServletRequest request, HttpServletResponse response, UserId owner)
      throws IOException {
    ChatKitResult result;
    String json = null;
    try {
      String body = new String(RequestBodies.read(request), StandardCharsets.UTF_8);
      result = chatKit.process(owner, ChatKitRequestParser.parse(body));
      if (!(result instanceof ChatKitResult.Stream)) {
        json = codec.body(result);
      }
    } catch (RuntimeException e) {
      ServletJson.error(response, ApiError.of(e));
      return;
    }
    if (result instanceof ChatKitResult.Stream stream) {
      stream(request, response, stream.events());
    } else {
      ServletJson.send(response, 200, json);
    }
  }

  private void stream(
      HttpServletRequest request, HttpServletResponse response, Multi<ThreadEvent> events)
      throws IOException {
    response.setStatus(200);
    response.setContentType("text/event-stream; charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no"); // proxies like nginx would hold the deltas back
    AsyncContext async = null;
    SseStream stream;
    try {
      async = request.startAsync(request, response);
      async.setTimeout(0); // a turn lasts as long as the model takes; the Stop button ends it early
      stream = new SseStream(codec::event, new ServletSseSink(async, response.getOutputStream()));
      async.addListener(new ClientGoneListener(stream));
    } catch (IOException | RuntimeException e) {
      SseStream.abandon(events); // process() opened the run: release it the way Stop would
      ServletJson.error(response, ApiError.unexpected(e));
      if (async != null) {
        ServletSseSink.complete(async);
      }
      return;
    }
    stream.consume(events);
  }
}
