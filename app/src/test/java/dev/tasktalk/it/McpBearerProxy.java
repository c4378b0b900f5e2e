package dev.tasktalk.it;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 relay for MCP clients that cannot send headers (the conformance suite): every
 * request gets {@code Authorization: Bearer <token>} and is otherwise passed on byte for byte, so
 * the server still sees the client's own Host and Origin (its DNS-rebinding check stays in force)
 * and SSE responses stream through as they are written. One request per connection ({@code
 * Connection: close} upstream), which keeps the relay free of HTTP framing.
 */
final class McpBearerProxy implements Closeable {

  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket listener;
  private volatile InetSocketAddress upstream;
  private final String token;
  private final boolean classicOnly;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mcp-bearer-proxy");
            t.setDaemon(true);
            return t;
          });
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private McpBearerProxy(
      ServerSocket listener, InetSocketAddress upstream, String token, boolean classicOnly) {
    this.listener = listener;
    this.upstream = upstream;
    this.token = token;
    this.classicOnly = classicOnly;
  }

  /**
   * A relay on 127.0.0.1 (random port) to {@code upstreamPort} on loopback, adding {@code token}.
   */
  static McpBearerProxy start(int upstreamPort, String token) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    McpBearerProxy proxy =
        new McpBearerProxy(
            listener,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort),
            token,
            false);
    proxy.threads.execute(proxy::acceptLoop);
    return proxy;
  }

  /**
   * A relay whose upstream port is set later ({@link #upstream(int)}); with {@code classicOnly} it
   * answers every MCP 2026-07-28 request (one with {@code MCP-Protocol-Version: 2026-07-28}) with
   * 400 itself, as a server that only knows the classic revisions does, so the server behind it is
   * only reached through the classic handshake.
   */
  static McpBearerProxy startDeferred(String token, boolean classicOnly) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    McpBearerProxy proxy = new McpBearerProxy(listener, null, token, classicOnly);
    proxy.threads.execute(proxy::acceptLoop);
    return proxy;
  }

  void upstream(int port) {
    upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The request lines relayed so far, with the upstream status line. */
  List<String> log() {
    return List.copyOf(log);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        threads.execute(() -> relay(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket client) {
    try (client;
        Socket server = new Socket()) {
      open.add(server);
      client.setTcpNoDelay(true);
      InputStream fromClient = new java.io.BufferedInputStream(client.getInputStream());
      byte[] head = readHead(fromClient);
      if (head == null) {
        return;
      }
      String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
      String version = "-";
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("mcp-protocol-version:")) {
          version = line.substring(line.indexOf(':') + 1).strip();
        }
      }
      InetSocketAddress target = upstream;
      if (target == null || (classicOnly && version.equals("2026-07-28"))) {
        byte[] body =
            ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,"
                    + "\"message\":\"Bad Request: No valid session ID provided\"}}")
                .getBytes(StandardCharsets.UTF_8);
        OutputStream toClient = client.getOutputStream();
        toClient.write(
            ("HTTP/1.1 "
                    + (target == null ? "503 Service Unavailable" : "400 Bad Request")
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        toClient.write(body);
        toClient.flush();
        log.add(lines[0] + " [" + version + "] -> refused here");
        return;
      }
      StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i];
        if (line.isEmpty()) {
          continue;
        }
        String name =
            line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
        if (name.equals("authorization")
            || name.equals("connection")
            || name.equals("keep-alive")
            || name.equals("proxy-connection")) {
          continue;
        }
        rewritten.append(line).append("\r\n");
      }
      rewritten.append("Authorization: Bearer ").append(token).append("\r\n");
      rewritten.append("Connection: close\r\n\r\n");

      server.connect(target, 5_000);
      server.setTcpNoDelay(true);
      OutputStream toServer = server.getOutputStream();
      toServer.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
      toServer.flush();
      // The request body (Content-Length or chunked) and anything after it go up unchanged.
      threads.execute(() -> pump(fromClient, toServer, server));
      InputStream fromServer = server.getInputStream();
      OutputStream toClient = client.getOutputStream();
      byte[] buffer = new byte[8192];
      boolean first = true;
      for (int n; (n = fromServer.read(buffer)) >= 0; ) {
        if (first) {
          String status = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
          int end = status.indexOf("\r\n");
          log.add(
              lines[0] + " [" + version + "] -> " + (end > 0 ? status.substring(0, end) : status));
          first = false;
        }
        toClient.write(buffer, 0, n);
        toClient.flush(); // SSE events must not wait for a full buffer
      }
    } catch (IOException e) {
      // a client or server hanging up mid-stream is normal for SSE
    } finally {
      open.removeIf(socket -> socket == client || socket.isClosed());
    }
  }

  private static void pump(InputStream in, OutputStream out, Socket server) {
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
      server.shutdownOutput();
    } catch (IOException e) {
      // the response side closes both sockets when it is done
    }
  }

  /** The request line and headers up to the blank line, or null when the client sent nothing. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head too large");
      }
    }
    return head.toByteArray();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
