package dev.tasktalk.bootstrap.security;

import static dev.tasktalk.bootstrap.security.TestSettings.SECRET;
import static dev.tasktalk.bootstrap.security.TestSettings.settings;
import static dev.tasktalk.bootstrap.security.TestTokens.CLOCK;
import static dev.tasktalk.bootstrap.security.TestTokens.claims;
import static dev.tasktalk.bootstrap.security.TestTokens.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthFilterTest {

  private static final String CONTEXT = "/tasktalk";

  private final AuthConfiguration auth =
      new AuthConfiguration(settings(AuthSettings.JWT_SECRET, SECRET), CLOCK);
  private final FakeHttp.Response response = new FakeHttp.Response();
  private ServletRequest passedOn;

  private void run(BearerAuthFilter filter, FakeHttp.Request request) throws Exception {
    filter.doFilter(
        request.servletRequest(), response.servletResponse(), (req, res) -> passedOn = req);
  }

  private void run(FakeHttp.Request request) throws Exception {
    run(new BearerAuthFilter(auth), request);
  }

  @Test
  void givenValidToken_doFilter_passesOnARequestWhosePrincipalIsTheSubject() throws Exception {
    FakeHttp.Request request =
        new FakeHttp.Request("POST", CONTEXT, "/chatkit")
            .header("Authorization", "Bearer " + hs256(SECRET, claims("alice").build()));

    run(request);

    HttpServletRequest passed = (HttpServletRequest) passedOn;
    assertThat(passed.getUserPrincipal().getName()).isEqualTo("alice");
    assertThat(passed.getUserPrincipal()).isInstanceOf(TokenPrincipal.class);
    assertThat(passed.getRemoteUser()).isEqualTo("alice");
    assertThat(((TokenPrincipal) passed.getUserPrincipal()).userId().value()).isEqualTo("alice");
    assertThat(request.attribute(BearerAuthFilter.PRINCIPAL_ATTRIBUTE))
        .isEqualTo(passed.getUserPrincipal());
  }

  @Test
  void givenLowerCaseBearerScheme_doFilter_accepts() throws Exception {
    run(
        new FakeHttp.Request("GET", "", "/api/tasks")
            .header("Authorization", "bearer  " + hs256(SECRET, claims("alice").build())));

    assertThat(((HttpServletRequest) passedOn).getUserPrincipal().getName()).isEqualTo("alice");
  }

  @Test
  void givenNoAuthorizationHeader_doFilter_answers401WithJsonAndBareChallenge() throws Exception {
    run(new FakeHttp.Request("GET", CONTEXT, "/api/tasks"));

    assertThat(passedOn).isNull();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.body())
        .isEqualTo("{\"error\":{\"code\":\"unauthorized\",\"message\":\"missing bearer token\"}}");
  }

  @Test
  void givenBasicCredentials_doFilter_answers401AsIfNoTokenWasSent() throws Exception {
    run(new FakeHttp.Request("GET", CONTEXT, "/mcp").header("Authorization", "Basic YWxpY2U6cHc="));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void givenInvalidToken_doFilter_answers401WithInvalidTokenChallenge() throws Exception {
    String forged = hs256(TestSettings.OTHER_SECRET, claims("alice").build());

    run(new FakeHttp.Request("POST", CONTEXT, "/mcp").header("Authorization", "Bearer " + forged));

    assertThat(passedOn).isNull();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"invalid signature\"");
    assertThat(response.body())
        .isEqualTo("{\"error\":{\"code\":\"unauthorized\",\"message\":\"invalid signature\"}}");
  }

  @Test
  void givenPreflight_doFilter_passesWithoutToken() throws Exception {
    run(new FakeHttp.Request("OPTIONS", CONTEXT, "/chatkit"));

    assertThat(passedOn).isNotNull();
  }

  @Test
  void givenHealthPath_doFilter_passesWithoutToken() throws Exception {
    run(new FakeHttp.Request("GET", CONTEXT, "/api/chatkit/health"));

    assertThat(passedOn).isNotNull();
  }

  @Test
  void givenDevLoginOn_devTokenPath_passesWithoutToken() throws Exception {
    AuthConfiguration devAuth =
        new AuthConfiguration(settings(AuthSettings.DEV_LOGIN, "true"), CLOCK);

    run(new BearerAuthFilter(devAuth), new FakeHttp.Request("POST", CONTEXT, "/api/dev/token"));

    assertThat(passedOn).isNotNull();
  }

  @Test
  void givenDevLoginOff_devTokenPath_reachesItsResourceWhichAnswers404() throws Exception {
    run(new FakeHttp.Request("POST", CONTEXT, "/api/dev/token"));

    assertThat(passedOn).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/chatkit/health/",
        "/api/chatkit/health/../../tasks",
        "/api/chatkit/health;x=1",
        "/api/chatkit/%68ealth"
      })
  void givenPathThatOnlyResemblesAPublicOne_doFilter_requiresToken(String path) throws Exception {
    run(new FakeHttp.Request("GET", CONTEXT, path));

    assertThat(passedOn).isNull();
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void givenUnreachableKeyServer_doFilter_answers503() throws Exception {
    AuthConfiguration remoteAuth =
        new AuthConfiguration(
            settings(AuthSettings.PUBLIC_KEY_LOCATION, JwksServer.deadUrl()), CLOCK);
    String token = TestTokens.rs256(TestKeys.RSA, "rsa-1", claims("alice").build());

    run(
        new BearerAuthFilter(remoteAuth),
        new FakeHttp.Request("GET", CONTEXT, "/api/tasks")
            .header("Authorization", "Bearer " + token));

    assertThat(passedOn).isNull();
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).contains("\"code\":\"auth_unavailable\"");
  }
}
