package dev.tasktalk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  @Test
  void unsetOrBlank_allowsNoOtherOrigin() {
    assertThat(CorsPolicy.parse(Optional.empty()).enabled()).isFalse();
    assertThat(CorsPolicy.parse(Optional.of("  ")).enabled()).isFalse();
    assertThat(CorsPolicy.parse(Optional.empty()).allows("http://localhost:5173")).isFalse();
  }

  @Test
  void listedOrigins_matchAsBrowsersSendThem_caseAndDefaultPortAside() {
    CorsPolicy policy =
        CorsPolicy.parse(Optional.of(" http://localhost:5173 , https://App.Example:443/ "));

    assertThat(policy.allows("http://localhost:5173")).isTrue();
    assertThat(policy.allows("https://app.example")).isTrue();
    assertThat(policy.allows("http://localhost:5174")).isFalse();
    assertThat(policy.allows("http://app.example")).isFalse();
    assertThat(policy.allows("https://app.example.evil.test")).isFalse();
    assertThat(policy.allows("null")).isFalse();
  }

  @Test
  void aStar_allowsEveryOrigin() {
    CorsPolicy policy = CorsPolicy.parse(Optional.of("*"));

    assertThat(policy.anyOrigin()).isTrue();
    assertThat(policy.allows("https://anything.example")).isTrue();
  }

  @Test
  void anEntryThatIsNotAnOrigin_refusesToStart_namingIt() {
    for (String bad :
        new String[] {
          "localhost:5173",
          "https://app.example/path",
          "ftp://files.example",
          "https://user@app.example",
          "https://app.example?x=1"
        }) {
      assertThatThrownBy(() -> CorsPolicy.parse(Optional.of("http://ok.example," + bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CORS_ORIGINS")
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
