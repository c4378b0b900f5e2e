package dev.tasktalk.bootstrap.security;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local key server on a random port, standing in for Better Auth's {@code /api/auth/jwks}; counts
 * fetches.
 */
final class JwksServer implements AutoCloseable {

  static final String PATH = "/api/auth/jwks";

  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile String body;
  private volatile int status = 200;

  private JwksServer(String body) {
    this.body = body;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        PATH,
        exchange -> {
          fetches.incrementAndGet();
          byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  static JwksServer serving(String body) {
    return new JwksServer(body);
  }

  /** A URL on a port where nothing listens any more. */
  static String deadUrl() {
    try (JwksServer server = serving("{}")) {
      return server.url();
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  void serve(String newBody) {
    this.body = newBody;
  }

  void failWith(int newStatus) {
    this.status = newStatus;
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
