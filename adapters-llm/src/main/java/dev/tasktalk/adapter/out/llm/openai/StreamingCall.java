package dev.tasktalk.adapter.out.llm.openai;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One subscription to a model's answer, run on a worker thread: sends the request, retries while
 * nothing has been streamed yet, emits events as they arrive, and stops the HTTP call as soon as
 * the subscriber cancels. A failure that ends the call is logged in full with a reference the user
 * sees.
 */
final class StreamingCall implements Runnable {

  private static final System.Logger LOG = System.getLogger(StreamingCall.class.getName());
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private final OkHttpClient http;
  private final Function<Boolean, Request> requests;
  private final Parts parts;
  private final ToolCallIds ids;
  private final MultiEmitter<? super ModelEvent> emitter;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private volatile Call current;

  /** What every attempt shares: the settings and the helpers that read, map and retry. */
  record Parts(ModelSettings settings, RetryPolicy retries, ErrorMapper errors) {}

  /**
   * {@code requests} builds the HTTP request, with or without {@code stream_options}; {@code ids}
   * settles the ids of the answer's tool calls.
   */
  StreamingCall(
      OkHttpClient http,
      Function<Boolean, Request> requests,
      Parts parts,
      ToolCallIds ids,
      MultiEmitter<? super ModelEvent> emitter) {
    this.http = http;
    this.requests = requests;
    this.parts = parts;
    this.ids = ids;
    this.emitter = emitter;
  }

  void cancel() {
    cancelled.countDown();
    Call call = current;
    if (call != null) {
      call.cancel();
    }
  }

  @Override
  public void run() {
    try {
      attemptUntilDone();
      emitter.complete();
    } catch (LanguageModelException e) {
      if (!isCancelled()) {
        emitter.fail(reported(e));
      }
    } catch (RuntimeException e) {
      if (!isCancelled()) {
        emitter.fail(reported(parts.errors().unexpected(e)));
      }
    }
  }

  /**
   * Logs the failure's detail under a short new reference and returns it with that reference added
   * to both texts, so the person can quote what they were shown and an operator finds the matching
   * line. Only the failure that ends the call is reported: attempts that were retried are not.
   */
  static LanguageModelException reported(LanguageModelException e) {
    String reference =
        " (ref " + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ")";
    String message =
        (e.getMessage() == null ? "the model call failed" : e.getMessage()) + reference;
    String detail = e.detail() + reference;
    LOG.log(Level.WARNING, "model call failed: " + detail, e.getCause());
    LanguageModelException reported =
        new LanguageModelException(e.kind(), e.retryable(), message, detail, e.getCause());
    reported.setStackTrace(e.getStackTrace());
    return reported;
  }

  private void attemptUntilDone() {
    boolean includeUsage = parts.settings().includeStreamUsage();
    int retries = 0;
    while (!isCancelled()) {
      Call call = http.newCall(requests.apply(includeUsage));
      current = call;
      if (isCancelled()) {
        call.cancel();
        return;
      }
      EventStream stream = new EventStream(parts.errors(), ids, parts.settings(), emitter::emit);
      Duration wait;
      try (Response response = call.execute()) {
        if (response.isSuccessful()) {
          stream.read(response.body());
          return;
        }
        String body = response.peekBody(MAX_ERROR_BODY).string();
        if (includeUsage && rejectsStreamOptions(response.code(), body)) {
          // Some gateways refuse the field outright; usage is a nicety, the answer is not.
          includeUsage = false;
          continue;
        }
        wait = afterStatus(response, body, retries);
      } catch (IOException e) {
        if (isCancelled()) {
          return;
        }
        wait = afterIoFailure(e, stream, retries);
      }
      if (sleepUnlessCancelled(wait)) {
        return;
      }
      retries++;
    }
  }

  private Duration afterStatus(Response response, String body, int retries) {
    LanguageModelException failure = parts.errors().fromStatus(response.code(), body);
    if (!parts.retries().canRetry(retries)
        || !parts.retries().worthRetrying(response.headers(), failure)) {
      throw failure;
    }
    return parts.retries().delay(retries, response.headers(), Instant.now());
  }

  private Duration afterIoFailure(IOException e, EventStream stream, int retries) {
    LanguageModelException failure = parts.errors().fromIo(e, stream.phase());
    // Once an event is out the subscriber has seen part of an answer; a second one would follow it.
    if (stream.started() || !failure.retryable() || !parts.retries().canRetry(retries)) {
      throw failure;
    }
    return parts.retries().backoff(retries);
  }

  private static boolean rejectsStreamOptions(int status, String body) {
    return (status == 400 || status == 422) && body.contains("stream_options");
  }

  /** Waits, and says whether the subscriber cancelled meanwhile. */
  private boolean sleepUnlessCancelled(Duration wait) {
    try {
      return cancelled.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private boolean isCancelled() {
    return cancelled.getCount() == 0 || emitter.isCancelled();
  }
}
