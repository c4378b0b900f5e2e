package dev.tasktalk.adapter.in.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharsetFilterTest {

  @Test
  void aKnownCharsetOrNoneAtAll_passes() {
    assertThat(CharsetFilter.problem("application/json; charset=utf-8")).isNull();
    assertThat(CharsetFilter.problem("application/json;charset=\"ISO-8859-1\"")).isNull();
    assertThat(CharsetFilter.problem("application/json")).isNull();
    assertThat(CharsetFilter.problem(null)).isNull();
  }

  @Test
  void anUnknownCharset_isNamedInTheRefusal() {
    assertThat(CharsetFilter.problem("application/json; charset=no-such-charset"))
        .isEqualTo("the charset 'no-such-charset' is not supported; send UTF-8");
  }

  @Test
  void anIllegalCharsetName_isRefused_withoutEchoingControlCharacters() {
    assertThat(CharsetFilter.problem("application/json; charset=\u0001bad name"))
        .isEqualTo("the charset '?bad?name' is not supported; send UTF-8");
    assertThat(CharsetFilter.problem("text/plain; CHARSET=" + "x".repeat(100)))
        .contains("'" + "x".repeat(40) + "...'");
  }
}
