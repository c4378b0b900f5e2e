package dev.tasktalk.adapter.in.rest.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.event.ThreadEvent.Notice;
import dev.tasktalk.domain.event.ThreadEvent.ProgressUpdate;
import dev.tasktalk.domain.event.ThreadEvent.StreamOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SseStreamTest {

  private static final String STREAM_ERROR =
      "data: {\"type\":\"error\",\"code\":\"stream.error\",\"allow_retry\":true}\n\n";

  /** A stand-in for the application's codec: enough to tell events apart. */
  private static final Function<ThreadEvent, String> JSON =
      event -> {
        if (event instanceof ProgressUpdate p) {
          return "{\"type\":\"progress_update\",\"text\":\"" + p.text() + "\"}";
        }
        if (event instanceof StreamOptions o) {
          return "{\"type\":\"stream_options\",\"allow_cancel\":" + o.allowCancel() + "}";
        }
        return null;
      };

  private final RecordingSink sink = new RecordingSink();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  @Test
  void eachEvent_isExactlyOneDataFrame_flushedAtOnce_andTheBodyEndsWithTheStream() {
    Multi<ThreadEvent> events =
        Multi.createFrom().items(new StreamOptions(true), progress("héllo ✓"));

    new SseStream(JSON, sink).consume(events);

    assertThat(sink.log)
        .containsExactly(
            "write data: {\"type\":\"stream_options\",\"allow_cancel\":true}\n\n",
            "flush",
            "write data: {\"type\":\"progress_update\",\"text\":\"héllo ✓\"}\n\n",
            "flush",
            "close");
    assertThat(sink.bytes())
        .isEqualTo(
            ("data: {\"type\":\"stream_options\",\"allow_cancel\":true}\n\n"
                    + "data: {\"type\":\"progress_update\",\"text\":\"héllo ✓\"}\n\n")
                .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void frame_isDataColonSpaceJsonAndABlankLine() {
    assertThat(new String(SseStream.frame("{\"a\":1}"), StandardCharsets.UTF_8))
        .isEqualTo("data: {\"a\":1}\n\n");
  }

  @Test
  void givenAWriteFails_theSubscriptionIsCancelled_andTheResponseEndsQuietly() {
    AtomicReference<MultiEmitter<? super ThreadEvent>> emitter = new AtomicReference<>();
    sink.writesBeforeFailure = 1;
    new SseStream(JSON, sink)
        .consume(tracked(Multi.createFrom().<ThreadEvent>emitter(emitter::set)));

    emitter.get().emit(progress("one"));
    emitter.get().emit(progress("two"));
    emitter.get().emit(progress("three"));

    assertThat(cancelled).isTrue();
    assertThat(sink.log)
        .containsExactly(
            "write data: {\"type\":\"progress_update\",\"text\":\"one\"}\n\n", "flush", "close");
  }

  @Test
  void givenAFlushFails_theSubscriptionIsCancelled() {
    sink.flushesBeforeFailure = 0;
    new SseStream(JSON, sink)
        .consume(tracked(Multi.createFrom().items(progress("one"), progress("two"))));

    assertThat(cancelled).isTrue();
    assertThat(sink.log)
        .containsExactly(
            "write data: {\"type\":\"progress_update\",\"text\":\"one\"}\n\n", "close");
  }

  @Test
  void givenTheStreamFails_oneStreamErrorEventEndsTheBodyCleanly() {
    Multi<ThreadEvent> events =
        Multi.createBy()
            .concatenating()
            .streams(
                Multi.createFrom().item(progress("partial")),
                Multi.createFrom().failure(new IllegalStateException("model exploded")));

    new SseStream(JSON, sink).consume(events);

    assertThat(sink.log)
        .containsExactly(
            "write data: {\"type\":\"progress_update\",\"text\":\"partial\"}\n\n",
            "flush",
            "write " + STREAM_ERROR,
            "flush",
            "close");
    assertThat(sink.text()).doesNotContain("exploded");
  }

  @Test
  void givenAnEventThatCannotBeRendered_theStreamIsCancelledWithOneErrorEvent() {
    Function<ThreadEvent, String> failing =
        event -> {
          if (event instanceof Notice) {
            throw new IllegalArgumentException("no codec for notices");
          }
          return JSON.apply(event);
        };

    new SseStream(failing, sink)
        .consume(
            tracked(
                Multi.createFrom()
                    .items(progress("a"), new Notice("info", "hi", null), progress("b"))));

    assertThat(cancelled).isTrue();
    assertThat(sink.log)
        .containsExactly(
            "write data: {\"type\":\"progress_update\",\"text\":\"a\"}\n\n",
            "flush",
            "write " + STREAM_ERROR,
            "flush",
            "close");
  }

  @Test
  void eventsTheClientNeverSees_areSkipped() {
    new SseStream(JSON, sink)
        .consume(
            Multi.createFrom().items(new ThreadEvent.TitleChanged("internal"), progress("shown")));

    assertThat(sink.log)
        .containsExactly(
            "write data: {\"type\":\"progress_update\",\"text\":\"shown\"}\n\n", "flush", "close");
  }

  @Test
  void givenTheContainerReportsTheClientGone_theStreamIsCancelled_andNothingMoreIsWritten() {
    AtomicReference<MultiEmitter<? super ThreadEvent>> emitter = new AtomicReference<>();
    SseStream stream = new SseStream(JSON, sink);
    stream.consume(tracked(Multi.createFrom().<ThreadEvent>emitter(emitter::set)));

    emitter.get().emit(progress("one"));
    stream.clientGone();
    stream.clientGone();
    emitter.get().emit(progress("two"));
    emitter.get().complete();

    assertThat(cancelled).isTrue();
    assertThat(stream.isFinished()).isTrue();
    assertThat(sink.log)
        .containsExactly(
            "write data: {\"type\":\"progress_update\",\"text\":\"one\"}\n\n", "flush", "close");
  }

  @Test
  void givenTheClientLeftBeforeTheStreamStarted_itIsCancelledWithoutAskingForEvents() {
    List<Long> requested = Collections.synchronizedList(new ArrayList<>());
    SseStream stream = new SseStream(JSON, sink);

    stream.clientGone();
    stream.consume(
        tracked(
            Multi.createFrom()
                .<ThreadEvent>items(progress("x"))
                .onRequest()
                .invoke(requested::add)));

    assertThat(cancelled).isTrue();
    assertThat(requested).isEmpty();
    assertThat(sink.log).containsExactly("close");
  }

  @Test
  void abandon_cancelsWithoutAskingForEvents() {
    List<Long> requested = Collections.synchronizedList(new ArrayList<>());

    SseStream.abandon(
        tracked(
            Multi.createFrom()
                .<ThreadEvent>items(progress("x"))
                .onRequest()
                .invoke(requested::add)));

    assertThat(cancelled).isTrue();
    assertThat(requested).isEmpty();
  }

  @Test
  void aDisconnectRacingTheEvents_endsTheResponseOnce_andNeverWritesAfterIt() throws Exception {
    for (int round = 0; round < 200; round++) {
      RecordingSink raced = new RecordingSink();
      AtomicReference<MultiEmitter<? super ThreadEvent>> emitter = new AtomicReference<>();
      SseStream stream = new SseStream(JSON, raced);
      stream.consume(Multi.createFrom().<ThreadEvent>emitter(emitter::set));
      CountDownLatch go = new CountDownLatch(1);
      Thread model =
          new Thread(
              () -> {
                await(go);
                for (int i = 0; i < 50; i++) {
                  emitter.get().emit(progress("t" + i));
                }
                emitter.get().complete();
              });
      model.start();
      go.countDown();
      stream.clientGone();
      model.join();

      assertThat(raced.log.stream().filter("close"::equals)).hasSize(1);
      assertThat(raced.log.get(raced.log.size() - 1)).isEqualTo("close");
    }
  }

  private Multi<ThreadEvent> tracked(Multi<ThreadEvent> events) {
    return events.onCancellation().invoke(() -> cancelled.set(true));
  }

  private static ProgressUpdate progress(String text) {
    return new ProgressUpdate("sparkle", text);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records writes, flushes and the close, and can fail like a connection the client closed. */
  static final class RecordingSink implements SseSink {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger written = new AtomicInteger();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int writesBeforeFailure = Integer.MAX_VALUE;
    int flushesBeforeFailure = Integer.MAX_VALUE;

    @Override
    public void write(byte[] frame) throws IOException {
      if (written.getAndIncrement() >= writesBeforeFailure) {
        throw new IOException("Broken pipe");
      }
      log.add("write " + new String(frame, StandardCharsets.UTF_8));
      bytes.writeBytes(frame);
    }

    @Override
    public void flush() throws IOException {
      if (flushesBeforeFailure-- <= 0) {
        throw new IOException("Connection reset by peer");
      }
      log.add("flush");
    }

    @Override
    public void close() {
      log.add("close");
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
