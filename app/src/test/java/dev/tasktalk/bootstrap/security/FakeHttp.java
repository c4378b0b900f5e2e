package dev.tasktalk.bootstrap.security;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Just enough of a servlet request and response to drive a filter without a container. */
final class FakeHttp {

  private FakeHttp() {}

  /** A request; only the methods the filter uses answer, the rest fail loudly. */
  static final class Request {
    private final String method;
    private final String contextPath;
    private final String uri;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Object> attributes = new HashMap<>();

    Request(String method, String contextPath, String path) {
      this.method = method;
      this.contextPath = contextPath;
      this.uri = contextPath + path;
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Object attribute(String name) {
      return attributes.get(name);
    }

    HttpServletRequest servletRequest() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, m, args) ->
                  switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContextPath" -> contextPath;
                    case "getRequestURI" -> uri;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getUserPrincipal", "getRemoteUser", "getAuthType" -> null;
                    case "toString" -> "FakeRequest " + method + " " + uri;
                    default -> throw new UnsupportedOperationException(m.getName());
                  });
    }
  }

  /** A response that records what the filter wrote. */
  static final class Response {
    private int status = 200;
    private String contentType;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    int status() {
      return status;
    }

    String contentType() {
      return contentType;
    }

    String header(String name) {
      return headers.get(name);
    }

    String body() {
      return body.toString(StandardCharsets.UTF_8);
    }

    HttpServletResponse servletResponse() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
              body.write(b);
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, m, args) -> {
                switch (m.getName()) {
                  case "setStatus" -> status = (Integer) args[0];
                  case "setContentType" -> contentType = (String) args[0];
                  case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                  case "addHeader" ->
                      headers.merge((String) args[0], (String) args[1], (a, b) -> a + ", " + b);
                  case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                  case "getOutputStream" -> {
                    return out;
                  }
                  case "toString" -> {
                    return "FakeResponse";
                  }
                  default -> throw new UnsupportedOperationException(m.getName());
                }
                return null;
              });
    }
  }
}
