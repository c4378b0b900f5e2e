package dev.tasktalk.adapter.in.rest.todo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.adapter.in.rest.chatkit.SseSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TodoEventStreamTest {

  private final RecordingSink sink = new RecordingSink();
  private final TodoEventStream stream = new TodoEventStream(sink);
  private final AtomicInteger released = new AtomicInteger();

  @Test
  void givenAnOpenStream_eachChange_isOneServerSentEvent() {
    stream.onClose(released::incrementAndGet);
    stream.ready();
    stream.changed();
    stream.keepAlive();

    assertThat(sink.text())
        .isEqualTo(TodoEventStream.READY + TodoEventStream.CHANGED + TodoEventStream.KEEP_ALIVE);
    assertThat(sink.text()).contains("event: tasks.changed\ndata: {}\n\n");
    assertThat(released).hasValue(0);
  }

  @Test
  void givenAClientThatLeft_theNextWrite_closesTheStreamAndReleasesTheWatchOnce() {
    stream.onClose(released::incrementAndGet);
    sink.failing = true;

    stream.keepAlive();
    stream.changed();
    stream.close();

    assertThat(stream.closed()).isTrue();
    assertThat(released).hasValue(1);
    assertThat(sink.closes).isEqualTo(1);
  }

  @Test
  void givenAClosedStream_laterChanges_areDropped_andALateReleaseRunsAtOnce() {
    stream.close();
    stream.changed();
    stream.onClose(released::incrementAndGet);

    assertThat(sink.text()).isEmpty();
    assertThat(released).hasValue(1);
  }

  private static final class RecordingSink implements SseSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean failing;
    int closes;

    @Override
    public void write(byte[] data) throws IOException {
      if (failing) {
        throw new IOException("Broken pipe");
      }
      bytes.write(data);
    }

    @Override
    public void flush() throws IOException {
      if (failing) {
        throw new IOException("Broken pipe");
      }
    }

    @Override
    public void close() {
      closes++;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
