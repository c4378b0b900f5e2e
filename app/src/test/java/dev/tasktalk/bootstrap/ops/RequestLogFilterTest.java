package dev.tasktalk.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogFilterTest {

  private final List<String> lines = new ArrayList<>();
  private final Logger logger = Logger.getLogger("dev.tasktalk.request");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void eachRequest_logsOneLogfmtLine_withAHashedUserInsteadOfTheSubject() throws Exception {
    Map<String, Object> attributes = new HashMap<>();
    HttpServletRequest request = request("POST", "/api/tasks", attributes);
    int[] status = {0};
    HttpServletResponse response = response(status);
    FilterChain chain =
        (req, res) -> {
          attributes.put(
              RequestLogFilter.PRINCIPAL_ATTRIBUTE, (Principal) () -> "alice@example.com");
          status[0] = 201;
        };

    new RequestLogFilter().doFilter(request, response, chain);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches(
            "request method=POST path=/api/tasks status=201 duration_ms=\\d+\\.\\d{3}"
                + " user=[0-9a-f]{12}");
    assertThat(lines.get(0)).doesNotContain("alice");
    assertThat(lines.get(0)).endsWith(RequestLogFilter.userHash("alice@example.com"));
  }

  @Test
  void anUnauthenticatedRequest_isLoggedWithoutAUser() throws Exception {
    int[] status = {401};
    new RequestLogFilter()
        .doFilter(
            request("GET", "/api/tasks", new HashMap<>()), response(status), (req, res) -> {});

    assertThat(lines).singleElement().asString().contains("status=401").endsWith("user=-");
  }

  private static HttpServletRequest request(
      String method, String uri, Map<String, Object> attributes) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestLogFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI" -> uri;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "isAsyncStarted" -> false;
                  default -> null;
                });
  }

  private static HttpServletResponse response(int[] status) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            RequestLogFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, m, args) -> m.getName().equals("getStatus") ? status[0] : null);
  }
}
