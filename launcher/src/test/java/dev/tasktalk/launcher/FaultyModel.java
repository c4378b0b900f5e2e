package dev.tasktalk.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} on a loopback socket that misbehaves on
 * request: the latest {@code fault:NAME} in the conversation picks how it answers. Raw sockets, so
 * that it can do what a real provider's failures do on the wire: cut a chunked stream in the
 * middle, stall, hang before the first byte, send a chunk that is not JSON.
 */
final class FaultyModel implements AutoCloseable {

  /** What the model does with a request. */
  enum Fault {
    /** Streams {@link #PARTIAL} then ends properly. */
    NONE,
    /** HTTP 500 with an HTML page that names the host, as a broken proxy does. */
    HTTP500,
    /** HTTP 429 with a provider's JSON error. */
    HTTP429,
    /** Streams {@link #PARTIAL}, then closes the connection in the middle of the chunked body. */
    CUT,
    /** Streams {@link #PARTIAL}, then sends nothing more, keeping the connection open. */
    STALL,
    /** Accepts the request and never answers. */
    HANG,
    /** Streams {@link #PARTIAL}, then a chunk that is not JSON. */
    GARBLED,
    /** Streams forty words, one every 100 ms, for Stop, kill and race tests. */
    SLOW,
    /**
     * Streams four hundred words, one every 100 ms (40 s), to outlast another instance's restart.
     */
    LONG,
    /**
     * Asks to delete the task named by the latest {@code delete:<task id>} (a {@code delete_task}
     * tool call); once the conversation ends with the tool's result, answers {@link #DELETED}.
     */
    DELETE
  }

  /** The answer after a confirmed (or cancelled) deletion. */
  static final String DELETED = "Done as you decided.";

  /** The words every streaming fault sends before it fails. */
  static final String PARTIAL = "Here is the start of an answer that";

  /** What the speech-to-text endpoint hears in any audio. */
  static final String TRANSCRIPT = "add a task to water the plants";

  /** A marker the model's raw output carries, which a client must never see. */
  static final String RAW_MARKER = "<<garbage-from-provider>>";

  private static final Pattern FAULT = Pattern.compile("fault:([a-z0-9]+)");
  private static final Pattern DELETE_TARGET = Pattern.compile("delete:([0-9a-f-]{36})");

  private final ServerSocket server;
  private final Thread acceptor;

  private FaultyModel(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::accept, "faulty-model");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static FaultyModel start() {
    try {
      return new FaultyModel(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL for {@code LLM_BASE_URL}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread worker = new Thread(() -> serve(socket), "faulty-model-call");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      String request = readRequest(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      if (request.startsWith("POST /v1/audio/transcriptions ")) {
        respond(out, 200, "application/json", "{\"text\":\"" + TRANSCRIPT + "\"}");
        return;
      }
      if (request.contains("Write a short title")) {
        streamOk(out, "Fault test");
        return;
      }
      switch (faultOf(request)) {
        case NONE -> streamOk(out, PARTIAL + " ends well.");
        case HTTP500 ->
            respond(
                out,
                500,
                "text/html",
                "<html><body>502 Bad Gateway from upstream "
                    + "127.0.0.1:"
                    + port()
                    + " "
                    + RAW_MARKER
                    + "</body></html>");
        case HTTP429 ->
            respond(
                out,
                429,
                "application/json",
                "{\"error\":{\"message\":\"Rate limit "
                    + "reached "
                    + RAW_MARKER
                    + "\",\"type\":\"rate_limit_exceeded\"}}");
        case CUT -> {
          startStream(out);
          sendWords(out, PARTIAL, 0);
          // no terminating chunk: the connection ends in the middle of the body
        }
        case STALL -> {
          startStream(out);
          sendWords(out, PARTIAL, 0);
          sleepQuietly(60_000);
        }
        case HANG -> sleepQuietly(60_000);
        case GARBLED -> {
          startStream(out);
          sendWords(out, PARTIAL, 0);
          sendEvent(out, "{\"choices\":[{\"delta\":" + RAW_MARKER + "}]}");
          sleepQuietly(500);
        }
        case SLOW -> slowWords(out, 40);
        case LONG -> slowWords(out, 400);
        case DELETE -> {
          if (request.lastIndexOf("\"role\":\"tool\"") > request.lastIndexOf("\"role\":\"user\"")) {
            streamOk(out, DELETED);
          } else {
            startStream(out);
            sendEvent(
                out,
                toolCall(
                    "delete_task",
                    "{\\\"task_id\\\":\\\"" + last(DELETE_TARGET, request) + "\\\"}"));
            sendEvent(out, chunk(null, "tool_calls"));
            sendEvent(out, "[DONE]");
            endStream(out);
          }
        }
      }
    } catch (IOException e) {
      // the server hung up, which several tests do on purpose
    }
  }

  private static void slowWords(OutputStream out, int count) throws IOException {
    startStream(out);
    sendWords(out, "word ".repeat(count).strip(), 100);
    sendEvent(out, chunk(null, "stop"));
    sendEvent(out, "[DONE]");
    endStream(out);
  }

  /** One chunk with a whole tool call; {@code arguments} is already escaped for a JSON string. */
  private static String toolCall(String name, String arguments) {
    return "{\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion.chunk\",\"model\":\"faulty\","
               + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,"
               + "\"id\":\"call_"
        + System.nanoTime()
        + "\",\"type\":\"function\",\"function\":{\"name\":\""
        + name
        + "\",\"arguments\":\""
        + arguments
        + "\"}}]},\"finish_reason\":null}]}";
  }

  private static String last(Pattern pattern, String text) {
    Matcher found = pattern.matcher(text);
    String last = "";
    while (found.find()) {
      last = found.group(1);
    }
    return last;
  }

  private static Fault faultOf(String request) {
    Matcher fault = FAULT.matcher(request);
    String last = "none";
    while (fault.find()) {
      last = fault.group(1);
    }
    return Fault.valueOf(last.toUpperCase(Locale.ROOT));
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended early");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    // The request line and headers too: the path tells a transcription from a completion.
    return headers + new String(body, StandardCharsets.ISO_8859_1);
  }

  private static void respond(OutputStream out, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 "
                + status
                + (status == 200 ? " OK" : " Error")
                + "\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + bytes.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  private static void streamOk(OutputStream out, String text) throws IOException {
    startStream(out);
    sendWords(out, text, 0);
    sendEvent(out, chunk(null, "stop"));
    sendEvent(out, "[DONE]");
    endStream(out);
  }

  private static void startStream(OutputStream out) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void sendWords(OutputStream out, String text, long pauseMillis)
      throws IOException {
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      sendEvent(out, chunk((i == 0 ? "" : " ") + words[i], null));
      if (pauseMillis > 0) {
        sleepQuietly(pauseMillis);
      }
    }
  }

  private static String chunk(String content, String finishReason) {
    String delta =
        content == null ? "{}" : "{\"role\":\"assistant\",\"content\":\"" + content + "\"}";
    String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
    return "{\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion.chunk\",\"model\":\"faulty\","
        + "\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finish
        + "}]}";
  }

  /** One SSE event as one HTTP chunk, flushed. */
  private static void sendEvent(OutputStream out, String data) throws IOException {
    byte[] event = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(event);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void endStream(OutputStream out) throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
