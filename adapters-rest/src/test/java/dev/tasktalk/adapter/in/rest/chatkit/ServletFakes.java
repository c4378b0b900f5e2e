package dev.tasktalk.adapter.in.rest.chatkit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Just enough of a servlet container to call servlets directly: a request, a response, async. */
final class ServletFakes {

  private ServletFakes() {}

  /** A request; set the fields, then call {@link #proxy()}. */
  static final class Request {
    String method = "POST";
    String user = "alice";
    byte[] body = new byte[0];
    String contentType;
    Long declaredLength;
    String pathInfo;
    final Map<String, Part> parts = new HashMap<>();
    final Map<String, String> parameters = new HashMap<>();
    Exception partFailure;
    final Async async = new Async();

    Request body(String text) {
      body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    HttpServletRequest proxy() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (self, m, args) ->
                  switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUserPrincipal" -> user == null ? null : (Principal) () -> user;
                    case "getInputStream" -> new BytesIn(body);
                    case "getContentLengthLong" ->
                        declaredLength == null ? (long) body.length : declaredLength;
                    case "getContentType" -> contentType;
                    case "getPathInfo" -> pathInfo;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getPart" -> {
                      if (partFailure != null) {
                        throw partFailure;
                      }
                      yield parts.get((String) args[0]);
                    }
                    case "startAsync" -> async.start();
                    case "isAsyncStarted" -> async.started && async.completed == 0;
                    default -> objectMethod(self, m, args);
                  });
    }
  }

  /** The async side of a request: its timeout, listeners and how often it was completed. */
  static final class Async {
    boolean started;
    AsyncContext context;
    Long timeout;
    int completed;
    final List<AsyncListener> listeners = new ArrayList<>();

    AsyncContext start() {
      started = true;
      context =
          (AsyncContext)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {AsyncContext.class},
                  (self, m, args) ->
                      switch (m.getName()) {
                        case "setTimeout" -> {
                          timeout = (Long) args[0];
                          yield null;
                        }
                        case "addListener" -> {
                          listeners.add((AsyncListener) args[0]);
                          yield null;
                        }
                        case "getRequest", "getResponse" -> null;
                        case "complete" -> {
                          if (completed > 0) {
                            throw new IllegalStateException("already completed");
                          }
                          completed++;
                          yield null;
                        }
                        default -> objectMethod(self, m, args);
                      });
      return context;
    }

    /** What the container does when the connection breaks. */
    void fail() {
      listeners.forEach(
          l -> {
            try {
              l.onError(new AsyncEvent(context, new IOException("connection reset")));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  /** A response recording everything; {@code failWritesAfter} breaks the connection. */
  static final class Response {
    int status = 200;
    String contentType;
    final Map<String, String> headers = new HashMap<>();
    final BytesOut out = new BytesOut();
    boolean committed;

    HttpServletResponse proxy() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (self, m, args) ->
                  switch (m.getName()) {
                    case "setStatus" -> {
                      status = (Integer) args[0];
                      yield null;
                    }
                    case "getStatus" -> status;
                    case "setContentType" -> {
                      contentType = (String) args[0];
                      yield null;
                    }
                    case "setContentLength" -> {
                      headers.put("Content-Length", String.valueOf(args[0]));
                      yield null;
                    }
                    case "setHeader" -> {
                      headers.put((String) args[0], (String) args[1]);
                      yield null;
                    }
                    case "getHeader" -> headers.get((String) args[0]);
                    case "isCommitted" -> committed || out.bytes.size() > 0;
                    case "reset" -> {
                      headers.clear();
                      contentType = null;
                      status = 200;
                      yield null;
                    }
                    case "getOutputStream" -> out;
                    default -> objectMethod(self, m, args);
                  });
    }

    String body() {
      return out.bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** A response body that counts flushes and can start failing like a closed connection. */
  static final class BytesOut extends ServletOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int flushes;
    int writesBeforeFailure = Integer.MAX_VALUE;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (writesBeforeFailure-- <= 0) {
        throw new IOException("Broken pipe");
      }
      bytes.write(b, off, len);
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class BytesIn extends ServletInputStream {
    private final InputStream in;

    BytesIn(byte[] bytes) {
      in = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
      return false;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException();
    }
  }

  /** Proxies still answer the methods every object has; anything else is a gap in the fake. */
  private static Object objectMethod(Object self, java.lang.reflect.Method m, Object[] args) {
    return switch (m.getName()) {
      case "toString" -> "fake " + m.getDeclaringClass().getSimpleName();
      case "hashCode" -> System.identityHashCode(self);
      case "equals" -> self == args[0];
      default -> throw new UnsupportedOperationException(m.getName());
    };
  }

  /** A multipart part holding {@code content}. */
  static Part part(String fileName, String contentType, byte[] content) {
    return (Part)
        Proxy.newProxyInstance(
            ServletFakes.class.getClassLoader(),
            new Class<?>[] {Part.class},
            (self, m, args) ->
                switch (m.getName()) {
                  case "getSubmittedFileName" -> fileName;
                  case "getContentType" -> contentType;
                  case "getSize" -> (long) content.length;
                  case "getInputStream" -> new ByteArrayInputStream(content);
                  case "delete" -> null;
                  default -> objectMethod(self, m, args);
                });
  }
}
