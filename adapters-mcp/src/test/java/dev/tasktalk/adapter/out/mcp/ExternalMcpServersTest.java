package dev.tasktalk.adapter.out.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalMcpServersTest {

  @Test
  void readsNameUrlPairsSeparatedByCommasAndNewlinesWithOptionalTokens() {
    List<ExternalMcpServer> servers =
        ExternalMcpServers.servers(
            """
            weather=https://weather.example.com/mcp, github=https://api.example.com/mcp/|ghp_secret
            # a comment
            local = http://localhost:3001/mcp
            """);

    assertThat(servers)
        .containsExactly(
            new ExternalMcpServer("weather", URI.create("https://weather.example.com/mcp"), null),
            new ExternalMcpServer(
                "github", URI.create("https://api.example.com/mcp/"), "ghp_secret"),
            new ExternalMcpServer("local", URI.create("http://localhost:3001/mcp"), null));
  }

  @Test
  void readsAJsonArray() {
    List<ExternalMcpServer> servers =
        ExternalMcpServers.servers(
            """
            [{"name": "weather", "url": "https://weather.example.com/mcp"},
             {"name": "github", "url": "https://api.example.com/mcp", "token": "ghp_secret"}]\
            """);

    assertThat(servers).extracting(ExternalMcpServer::name).containsExactly("weather", "github");
    assertThat(servers.get(1).token()).isEqualTo("ghp_secret");
    assertThat(servers.get(0).token()).isNull();
  }

  @Test
  void blankMeansNone() {
    assertThat(ExternalMcpServers.servers(null)).isEmpty();
    assertThat(ExternalMcpServers.parse("  \n ").isEmpty()).isTrue();
  }

  @Test
  void refusesMalformedEntriesWithoutShowingTokens() {
    assertThatThrownBy(() -> ExternalMcpServers.servers("weather"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 1");
    assertThatThrownBy(() -> ExternalMcpServers.servers("we ather=https://x.example/mcp|tok3n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("tok3n");
    assertThatThrownBy(() -> ExternalMcpServers.servers("a=ftp://x.example/mcp|tok3n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)")
        .hasMessageNotContaining("tok3n");
    assertThatThrownBy(
            () -> ExternalMcpServers.parse("a=https://x.example/1,a=https://x.example/2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two MCP servers are named a");
    assertThatThrownBy(() -> ExternalMcpServers.servers("[{\"name\": 1}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 1");
    assertThatThrownBy(() -> ExternalMcpServers.servers("[oops"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringHidesTheToken() {
    assertThat(
            new ExternalMcpServer("github", "https://api.example.com/mcp", "ghp_secret").toString())
        .doesNotContain("ghp_secret")
        .contains("***");
  }

  @Test
  void refreshDiscoversEveryServerAndReportsHealth() throws IOException {
    try (TinyMcpServer up = new TinyMcpServer();
        ExternalMcpServers servers =
            ExternalMcpServers.parse("tiny=" + up.url() + ",down=http://127.0.0.1:1/mcp")) {
      assertThat(servers.health())
          .extracting(RemoteMcpHealth::lastError)
          .containsExactly("not contacted yet", "not contacted yet");

      List<String> names = servers.refresh();

      assertThat(names).hasSize(5).allMatch(name -> name.startsWith("tiny__"));
      assertThat(servers.health())
          .containsExactly(
              new RemoteMcpHealth("tiny", up.url(), true, 5, null, "2025-11-25"),
              new RemoteMcpHealth(
                  "down", "http://127.0.0.1:1/mcp", false, 0, "connection refused"));
      assertThat(servers.toolboxes()).hasSize(2);
    }
  }
}
