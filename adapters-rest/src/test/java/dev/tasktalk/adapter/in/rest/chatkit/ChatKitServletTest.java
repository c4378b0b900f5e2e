package dev.tasktalk.adapter.in.rest.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitCodec;
import dev.tasktalk.adapter.in.rest.common.RequestBodies;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.in.chatkit.ChatKitUseCase;
import dev.tasktalk.application.port.out.persistence.Page;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.event.ThreadEvent.ProgressUpdate;
import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.NotFoundException;
import dev.tasktalk.domain.shared.UnavailableException;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ChatKitServletTest {

  private static final String CREATE =
      "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
          + "[{\"type\":\"input_text\",\"text\":\"Hi\"}]}}}";

  private static final ChatKitCodec CODEC = new ChatKitCodec("");

  private final ServletFakes.Request request = new ServletFakes.Request();
  private final ServletFakes.Response response = new ServletFakes.Response();
  private final List<String> seen = new ArrayList<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  {
    request.body(CREATE);
  }

  private void post(Supplier<ChatKitResult> answer) throws Exception {
    ChatKitUseCase useCase =
        (UserId owner, ChatKitRequest parsed) -> {
          seen.add(owner.value() + " " + parsed);
          return answer.get();
        };
    new ChatKitServlet(useCase, CODEC).service(request.proxy(), response.proxy());
  }

  @Test
  void aJsonAnswer_is200ApplicationJson_forTheAuthenticatedOwner() throws Exception {
    request.body("{\"type\":\"threads.list\",\"params\":{\"note\":\"żółw\"}}");

    post(() -> new ChatKitResult.ThreadPage(new Page<>(List.of(), false)));

    assertThat(seen).containsExactly("alice " + new ChatKitRequest.ListThreads(20, true, null));
    assertThat(response.status).isEqualTo(200);
    assertThat(response.contentType).isEqualTo("application/json");
    assertThat(response.body()).isEqualTo("{\"data\":[],\"has_more\":false}");
    assertThat(request.async.started).isFalse();
  }

  @Test
  void aStream_isServerSentEvents_writtenAsynchronously_andCompletedAtTheEnd() throws Exception {
    request.body(CREATE);

    post(() -> new ChatKitResult.Stream(Multi.createFrom().items(progress("a"), progress("b"))));

    assertThat(response.status).isEqualTo(200);
    assertThat(response.contentType).isEqualTo("text/event-stream; charset=utf-8");
    assertThat(response.headers)
        .containsEntry("Cache-Control", "no-cache")
        .containsEntry("X-Accel-Buffering", "no");
    assertThat(request.async.started).isTrue();
    assertThat(request.async.timeout).isZero();
    assertThat(response.body())
        .isEqualTo(
            "data: {\"type\":\"progress_update\",\"text\":\"a\"}\n\n"
                + "data: {\"type\":\"progress_update\",\"text\":\"b\"}\n\n");
    assertThat(response.out.flushes).isEqualTo(2);
    assertThat(request.async.completed).isEqualTo(1);
  }

  @Test
  void theRequestThreadDoesNotWaitForTheModel() throws Exception {
    AtomicReference<MultiEmitter<? super ThreadEvent>> model = new AtomicReference<>();

    post(() -> new ChatKitResult.Stream(Multi.createFrom().<ThreadEvent>emitter(model::set)));
    assertThat(request.async.completed).isZero();
    model.get().emit(progress("later"));
    model.get().complete();

    assertThat(response.body())
        .isEqualTo("data: {\"type\":\"progress_update\",\"text\":\"later\"}\n\n");
    assertThat(request.async.completed).isEqualTo(1);
  }

  @Test
  void givenTheClientCloses_aFailedWriteCancelsTheModel() throws Exception {
    AtomicReference<MultiEmitter<? super ThreadEvent>> model = new AtomicReference<>();
    response.out.writesBeforeFailure = 1;
    post(
        () ->
            new ChatKitResult.Stream(tracked(Multi.createFrom().<ThreadEvent>emitter(model::set))));

    model.get().emit(progress("one"));
    model.get().emit(progress("two"));

    assertThat(cancelled).isTrue();
    assertThat(request.async.completed).isEqualTo(1);
    assertThat(response.body()).doesNotContain("two");
  }

  @Test
  void givenTheContainerReportsAnError_theModelIsCancelled() throws Exception {
    AtomicReference<MultiEmitter<? super ThreadEvent>> model = new AtomicReference<>();
    post(
        () ->
            new ChatKitResult.Stream(tracked(Multi.createFrom().<ThreadEvent>emitter(model::set))));

    request.async.fail();
    model.get().emit(progress("too late"));

    assertThat(cancelled).isTrue();
    assertThat(request.async.completed).isEqualTo(1);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void givenTheStreamFails_theBodyEndsWithOneStreamError() throws Exception {
    post(
        () ->
            new ChatKitResult.Stream(
                Multi.createFrom().failure(new IllegalStateException("boom"))));

    assertThat(response.status).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("data: {\"type\":\"error\",\"code\":\"stream.error\",\"allow_retry\":true}\n\n");
    assertThat(request.async.completed).isEqualTo(1);
  }

  @Test
  void refusalsBeforeTheStream_areJsonErrors() throws Exception {
    assertError(
        () -> {
          throw new InvalidInputException("params.input", "input is required");
        },
        400,
        "invalid_request");
    assertThat(error().getString("field")).isEqualTo("params.input");
    assertError(
        () -> {
          throw new NotFoundException("thread not found");
        },
        404,
        "not_found");
    assertError(
        () -> {
          throw new RunInProgressException();
        },
        409,
        "conflict");
    assertError(
        () -> {
          throw new UnavailableException("set LLM_API_KEY");
        },
        503,
        "unavailable");
    assertThat(error().getString("message")).isEqualTo("set LLM_API_KEY");
  }

  @Test
  void aBodyTheParserRefuses_is400NamingTheField_andTheUseCaseIsNotCalled() throws Exception {
    request.body(
        "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\","
            + "\"text\":\"a\\u0000b\"}]}}}");

    post(() -> new ChatKitResult.Empty());

    assertThat(response.status).isEqualTo(400);
    assertThat(error().getString("field")).isEqualTo("params.input.content[0].text");
    assertThat(seen).isEmpty();
  }

  @Test
  void anUnexpectedFailure_is500WithAReference_andNoStackTrace() throws Exception {
    assertError(
        () -> {
          throw new NullPointerException("secret internals");
        },
        500,
        "internal_error");

    assertThat(error().getString("message")).contains("reference ");
    assertThat(response.body())
        .doesNotContain("secret internals")
        .doesNotContain("NullPointerException");
  }

  @Test
  void withoutAPrincipal_is401_andTheUseCaseIsNotCalled() throws Exception {
    request.user = null;

    post(() -> new ChatKitResult.Empty());

    assertThat(response.status).isEqualTo(401);
    assertThat(response.headers).containsEntry("WWW-Authenticate", "Bearer");
    assertThat(error().getString("code")).isEqualTo("unauthorized");
    assertThat(seen).isEmpty();
  }

  @Test
  void otherMethods_are405Json() throws Exception {
    request.method = "GET";

    post(() -> new ChatKitResult.Empty());

    assertThat(response.status).isEqualTo(405);
    assertThat(response.headers).containsEntry("Allow", "POST");
    assertThat(error().getString("code")).isEqualTo("method_not_allowed");
    assertThat(seen).isEmpty();
  }

  @Test
  void options_namesTheMethod_withoutABody() throws Exception {
    request.method = "OPTIONS";

    post(() -> new ChatKitResult.Empty());

    assertThat(response.status).isEqualTo(204);
    assertThat(response.headers).containsEntry("Allow", "POST, OPTIONS");
    assertThat(response.body()).isEmpty();
    assertThat(seen).isEmpty();
  }

  @Test
  void anOversizedBody_is413_declaredOrNot() throws Exception {
    request.declaredLength = RequestBodies.MAX_BYTES + 1L;
    post(() -> new ChatKitResult.Empty());
    assertThat(response.status).isEqualTo(413);
    assertThat(error().getString("code")).isEqualTo("payload_too_large");

    ServletFakes.Request chunked = new ServletFakes.Request();
    chunked.body = new byte[RequestBodies.MAX_BYTES + 1];
    chunked.declaredLength = -1L;
    ServletFakes.Response second = new ServletFakes.Response();
    new ChatKitServlet((owner, body) -> new ChatKitResult.Empty(), CODEC)
        .service(chunked.proxy(), second.proxy());
    assertThat(second.status).isEqualTo(413);
    assertThat(seen).isEmpty();
  }

  private void assertError(Supplier<ChatKitResult> failing, int status, String code)
      throws Exception {
    response.headers.clear();
    response.out.bytes.reset();
    request.body(CREATE);
    post(failing);
    assertThat(response.status).isEqualTo(status);
    assertThat(response.contentType).isEqualTo("application/json");
    assertThat(error().getString("code")).isEqualTo(code);
    assertThat(request.async.started).isFalse();
  }

  private JsonObject error() {
    return Json.createReader(new StringReader(response.body())).readObject().getJsonObject("error");
  }

  private Multi<ThreadEvent> tracked(Multi<ThreadEvent> events) {
    return events.onCancellation().invoke(() -> cancelled.set(true));
  }

  private static ProgressUpdate progress(String text) {
    return new ProgressUpdate(null, text);
  }
}
