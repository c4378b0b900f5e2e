package dev.tasktalk.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A ChatKit client that hangs up mid-answer, as the Stop button does: it posts to {@code /chatkit}
 * over a raw socket (the JDK client would keep the connection open after its body is closed), reads
 * the stream until the first text delta, runs {@code then} and closes the connection.
 */
final class HangUp {

  private HangUp() {}

  /** Everything read before hanging up. */
  static String afterFirstDelta(int port, String token, String body, Runnable then)
      throws IOException {
    StringBuilder seen = new StringBuilder();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /chatkit HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + bytes.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        seen.append(line).append('\n');
        if (line.contains("assistant_message.content_part.text_delta")
            || line.contains("\"delta\":\"word")) {
          break;
        }
      }
      then.run();
    }
    return seen.toString();
  }
}
