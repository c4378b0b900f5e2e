package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static List<SseReader.Event> read(String body) throws IOException {
    SseReader reader = new SseReader(new Buffer().writeUtf8(body));
    List<SseReader.Event> events = new ArrayList<>();
    for (SseReader.Event event = reader.next(); event != null; event = reader.next()) {
      events.add(event);
    }
    return events;
  }

  @Test
  void next_readsDataEvents_skippingCommentsAndBlankLines() throws IOException {
    assertThat(read(": OPENROUTER PROCESSING\n\n\ndata: {\"a\":1}\n\n: ping\ndata:{\"b\":2}\n\n"))
        .containsExactly(
            new SseReader.Event(null, "{\"a\":1}"), new SseReader.Event(null, "{\"b\":2}"));
  }

  @Test
  void next_acceptsCrLf_joinsDataLines_andKeepsEventNames() throws IOException {
    assertThat(
            read(
                "event: error\r\n"
                    + "data: {\"error\":\r\n"
                    + "data: {}}\r\n"
                    + "id: 7\r\n"
                    + "retry: 10\r\n\r\n"
                    + "data: x\r\n\r\n"))
        .containsExactly(
            new SseReader.Event("error", "{\"error\":\n{}}"), new SseReader.Event(null, "x"));
  }

  @Test
  void next_deliversALastEventThatHasNoBlankLineAfterIt() throws IOException {
    assertThat(read("data: [DONE]")).containsExactly(new SseReader.Event(null, "[DONE]"));
    assertThat(read("")).isEmpty();
  }
}
