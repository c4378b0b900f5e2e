package dev.tasktalk.adapter.out.llm.openai;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads server-sent events off a response body: {@code event:} and {@code data:} fields (several
 * {@code data:} lines join with newlines), {@code \n} or {@code \r\n} line ends, and {@code :}
 * comment lines, which providers send as keep-alives, skipped.
 */
final class SseReader {

  /**
   * One event: its name ({@code null} when unnamed, as all Chat Completions chunks are) and data.
   */
  record Event(String name, String data) {}

  private final BufferedSource source;

  SseReader(BufferedSource source) {
    this.source = source;
  }

  /** The next event with data, or {@code null} at the end of the body. */
  Event next() throws IOException {
    String name = null;
    StringBuilder data = null;
    for (String line = source.readUtf8Line(); ; line = source.readUtf8Line()) {
      if (line == null || line.isEmpty()) {
        // A blank line ends an event; at the end of the body a last event without one still counts.
        if (data != null) {
          return new Event(name, data.toString());
        }
        if (line == null) {
          return null;
        }
        name = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      value = value.startsWith(" ") ? value.substring(1) : value;
      if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      } else if (field.equals("event")) {
        name = value;
      }
    }
  }
}
