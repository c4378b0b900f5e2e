package dev.tasktalk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebUiTest {

  static final byte[] PAGE =
      "<!doctype html>\n<html><head>\n<title>t</title></head><body></body></html>"
          .getBytes(StandardCharsets.UTF_8);

  static WebUi ui(String mode, String script) {
    return WebUi.of(Optional.ofNullable(mode), Optional.ofNullable(script), Optional.empty());
  }

  @Test
  void byDefault_thePageIsUnchanged_andThePolicyIsSameOriginOnly() {
    for (String mode : new String[] {null, "", "  ", "builtin", "DEFAULT"}) {
      WebUi ui = ui(mode, "https://mirror.example/chatkit.js");
      assertThat(ui).as(mode).isEqualTo(WebUi.BUILTIN);
      assertThat(ui.csp()).isEqualTo(WebPageResource.CSP).doesNotContain("frame-src");
      assertThat(ui.page(PAGE)).isSameAs(PAGE);
    }
  }

  @Test
  void chatkitMode_usesOpenAisCdnByDefault_andAdmitsOnlyItsOrigin() {
    WebUi ui = ui("ChatKit", null);
    assertThat(ui.chatkit()).isTrue();
    assertThat(ui.scriptUrl()).hasToString(WebUi.DEFAULT_SCRIPT_URL);
    assertThat(ui.scriptOrigin()).isEqualTo("https://cdn.platform.openai.com");
    assertThat(ui.csp())
        .contains("script-src 'self' https://cdn.platform.openai.com;")
        .contains("connect-src 'self' https://cdn.platform.openai.com;")
        .contains("frame-src https://cdn.platform.openai.com;")
        .contains(
            "style-src 'self';",
            "default-src 'self';",
            "frame-ancestors 'none'",
            "object-src 'none'");
  }

  @Test
  void chatkitMode_withAMirror_admitsTheMirrorsOriginWithItsPort_notItsPath() {
    WebUi ui = ui("chatkit", " http://Mirror.internal:8081/static/chatkit.js?v=1 ");
    assertThat(ui.scriptOrigin()).isEqualTo("http://mirror.internal:8081");
    assertThat(ui.csp())
        .contains("script-src 'self' http://mirror.internal:8081;")
        .doesNotContain("/static")
        .doesNotContain("cdn.platform.openai.com");
  }

  @Test
  void chatkitMode_injectsTheModeScriptAndDomainKey_escaped_intoTheHead() {
    WebUi ui =
        WebUi.of(
            Optional.of("chatkit"),
            Optional.of("https://m.example/a.js?x=1&y=2"),
            Optional.of("domain_pk_prod"));
    String html = new String(ui.page(PAGE), StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith(
            "<!doctype html>\n"
                + "<html><head>\n"
                + "<meta name=\"tasktalk-ui\" content=\"chatkit\""
                + " data-script-url=\"https://m.example/a.js?x=1&amp;y=2\""
                + " data-domain-key=\"domain_pk_prod\">\n"
                + "<title>");
    assertThat(ui.domainKey()).isEqualTo("domain_pk_prod");
    assertThat(ui("chatkit", null).domainKey()).isEqualTo(WebUi.DEFAULT_DOMAIN_KEY);
  }

  @Test
  void anUnknownMode_orAScriptUrlThatIsNotAbsoluteHttp_keepsTheBuiltInChat() {
    assertThat(ui("react", null)).isEqualTo(WebUi.BUILTIN);
    for (String bad :
        new String[] {
          "/chatkit.js",
          "javascript:alert(1)",
          "ftp://x.example/c.js",
          "https://user:pw@x.example/c.js",
          "https://x.example/\"><script>",
          "https://x.example/a b.js",
          "https:///c.js",
          "https://x.example; script-src *"
        }) {
      assertThat(ui("chatkit", bad)).as(bad).isEqualTo(WebUi.BUILTIN);
    }
  }
}
