package dev.tasktalk.bootstrap.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Host and Origin rules against DNS rebinding, as the guard applies them before any auth. */
class McpRequestGuardTest {

  private static final McpSettings DEFAULTS =
      settings(Map.of(McpSettings.PUBLIC_BASE_URL, "https://Tasks.Example.com/"));
  private static final McpSettings CONFIGURED =
      settings(
          Map.of(
              McpSettings.ALLOWED_HOSTS, "api.example.com, Other.Example:*",
              McpSettings.ALLOWED_ORIGINS, "https://app.example.com/"));

  @ParameterizedTest(name = "Host {0}, Origin {1}: {2}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "localhost:8080, NONE, pass",
        "' LOCALHOST:8080 ', NONE, pass",
        "localhost, NONE, pass",
        "127.0.0.1:1, NONE, pass",
        "[::1]:8080, NONE, pass",
        "tasks.example.com, NONE, pass",
        "tasks.example.com:443, NONE, pass",
        "evil.example, NONE, Host not allowed",
        "localhost.evil.example:80, NONE, Host not allowed",
        "localhost:abc, NONE, Host not allowed",
        "NONE, NONE, Host not allowed",
        "localhost:8080, http://localhost:5173, pass",
        "localhost:8080, HTTP://127.0.0.1:5173/, pass",
        "localhost:8080, https://tasks.example.com/, pass",
        "localhost:8080, http://tasks.example.com, pass",
        "localhost:8080, http://evil.example, Origin not allowed",
        "localhost:8080, http://localhost.evil.example, Origin not allowed",
        "localhost:8080, '', Origin not allowed",
        "localhost:8080, null, Origin not allowed",
        "evil.example, http://evil.example, Host not allowed",
      })
  void givenDefaultRules_filter_passesOrRefuses(String host, String origin, String expected)
      throws Exception {
    assertThat(outcome(DEFAULTS, host, origin)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Host {0}, Origin {1}: {2}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "localhost:8080, NONE, Host not allowed",
        "api.example.com, NONE, pass",
        "API.example.com, NONE, pass",
        "api.example.com:443, NONE, Host not allowed",
        "other.example:8443, NONE, pass",
        "other.example, NONE, pass",
        "api.example.com, https://app.example.com, pass",
        "api.example.com, https://APP.example.com/, pass",
        "api.example.com, http://app.example.com, Origin not allowed",
        "api.example.com, http://localhost:3000, Origin not allowed",
      })
  void givenConfiguredRules_filter_passesOrRefuses(String host, String origin, String expected)
      throws Exception {
    assertThat(outcome(CONFIGURED, host, origin)).isEqualTo(expected);
  }

  private static String outcome(McpSettings settings, String host, String origin) throws Exception {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json, text/event-stream");
    if (host != null) {
      headers.put("Host", host);
    }
    if (origin != null) {
      headers.put("Origin", origin);
    }
    HttpServletRequest request = request(headers);
    int[] status = {200};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean[] passed = {false};
    guard(settings).doFilter(request, response(status, body), (req, res) -> passed[0] = true);
    if (passed[0]) {
      return "pass";
    }
    assertThat(status[0]).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
    String json = body.toString(StandardCharsets.UTF_8);
    return json.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1");
  }

  private static McpSettings settings(Map<String, String> values) {
    return McpSettings.load(key -> Optional.ofNullable(values.get(key)));
  }

  private static McpRequestGuard guard(McpSettings settings) {
    return new McpRequestGuard(new HostRules(settings), 1024);
  }

  private static HttpServletRequest request(Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            McpRequestGuardTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getMethod" -> "POST";
                  case "getContentLengthLong" -> 10L;
                  case "getScheme" -> "http";
                  case "getServerName" -> "localhost";
                  case "getServerPort" -> 8080;
                  case "getContextPath" -> "";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static HttpServletResponse response(int[] status, ByteArrayOutputStream body) {
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            body.write(b);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}
        };
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            McpRequestGuardTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "setStatus" -> status[0] = (Integer) args[0];
                case "getOutputStream" -> {
                  return out;
                }
                default -> {}
              }
              return null;
            });
  }
}
