package dev.tasktalk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  private static final String APP = "http://localhost:5173";

  private final CorsFilter filter = new CorsFilter(CorsPolicy.parse(Optional.of(APP)));
  private final FakeHttp.Response response = new FakeHttp.Response();
  private boolean passedOn;
  private final FilterChain chain = (req, res) -> passedOn = true;

  @Test
  void aPreflightFromAnAllowedOrigin_isAnsweredHere_withoutAToken() throws Exception {
    FakeHttp.Request preflight =
        new FakeHttp.Request("OPTIONS", "", "/chatkit")
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type");

    filter.doFilter(preflight.servletRequest(), response.servletResponse(), chain);

    assertThat(passedOn).as("the bearer check and the servlet never see a preflight").isFalse();
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(response.header("Access-Control-Allow-Methods")).contains("POST").contains("PATCH");
    assertThat(response.header("Access-Control-Allow-Headers"))
        .isEqualTo("authorization, content-type");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(response.header("Vary")).isEqualTo("Origin");
    assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
  }

  @Test
  void anActualRequestFromAnAllowedOrigin_goesOn_andItsAnswerIsReadable() throws Exception {
    FakeHttp.Request post = new FakeHttp.Request("POST", "", "/api/tasks").header("Origin", APP);

    filter.doFilter(post.servletRequest(), response.servletResponse(), chain);

    assertThat(passedOn).isTrue();
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(response.header("Access-Control-Expose-Headers"))
        .contains("Location")
        .contains("WWW-Authenticate")
        .contains("Mcp-Protocol-Version")
        .contains("Mcp-Method")
        .contains("Mcp-Name");
  }

  @Test
  void aPreflightFromAnotherOrigin_isRefusedWithAJsonError() throws Exception {
    FakeHttp.Request preflight =
        new FakeHttp.Request("OPTIONS", "", "/chatkit")
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "POST");

    filter.doFilter(preflight.servletRequest(), response.servletResponse(), chain);

    assertThat(passedOn).isFalse();
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.body())
        .contains("\"code\":\"origin_not_allowed\"")
        .contains("https://evil.example")
        .contains("CORS_ORIGINS");
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void requestsFromAnotherOrigin_orWithoutOne_passUntouched() throws Exception {
    filter.doFilter(
        new FakeHttp.Request("POST", "", "/chatkit")
            .header("Origin", "https://evil.example")
            .servletRequest(),
        response.servletResponse(),
        chain);
    assertThat(passedOn).isTrue();
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();

    passedOn = false;
    filter.doFilter(
        new FakeHttp.Request("GET", "", "/api/tasks").servletRequest(),
        response.servletResponse(),
        chain);
    assertThat(passedOn).isTrue();
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void withoutTheSetting_nothingChanges_evenForPreflights() throws Exception {
    CorsFilter off = new CorsFilter(CorsPolicy.none());
    FakeHttp.Request preflight =
        new FakeHttp.Request("OPTIONS", "", "/chatkit")
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "POST");

    off.doFilter(preflight.servletRequest(), response.servletResponse(), chain);

    assertThat(passedOn).isTrue();
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aStar_answersEveryOriginWithAStar() throws Exception {
    CorsFilter any = new CorsFilter(CorsPolicy.parse(Optional.of("*")));

    any.doFilter(
        new FakeHttp.Request("GET", "", "/api/tasks")
            .header("Origin", "https://x.example")
            .servletRequest(),
        response.servletResponse(),
        chain);

    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
  }
}
