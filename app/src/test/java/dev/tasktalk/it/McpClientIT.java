package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.it.ChatKitClient.Stream;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's MCP client ({@code MCP_SERVERS}) end to end through the WAR, against a real MCP
 * server in each era: the deployed WAR's own {@code /mcp}, reached once directly (it answers {@code
 * server/discover}, so the client speaks 2026-07-28) and once through a relay that turns 2026-07-28
 * requests away as a classic-only server does (so the client falls back to {@code initialize} and a
 * session). The model asks for each server's {@code add_task}; the task appears for the user the
 * server's token belongs to.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpClientIT {

  private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
  private static final String PEER_OWNER = "mcp-peer-" + UUID.randomUUID();
  private static final String LEGACY_OWNER = "mcp-legacy-" + UUID.randomUUID();

  private static McpBearerProxy peer;
  private static McpBearerProxy legacy;

  @Deployment(testable = false)
  static WebArchive war() throws IOException {
    WebArchive war = Deployments.war();
    peer = McpBearerProxy.startDeferred(ItEnvironment.keys().token("HS256", PEER_OWNER), false);
    legacy = McpBearerProxy.startDeferred(ItEnvironment.keys().token("HS256", LEGACY_OWNER), true);
    String config =
        read(war.get(CONFIG).getAsset().openStream())
            + "\nMCP_SERVERS=peer=http://localhost:"
            + peer.port()
            + "/mcp,legacy=http://localhost:"
            + legacy.port()
            + "/mcp\n";
    war.delete(CONFIG);
    war.add(new StringAsset(config), CONFIG);
    return war;
  }

  private static String read(InputStream in) throws IOException {
    try (in;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stopRelays() {
    if (peer != null) {
      peer.close();
    }
    if (legacy != null) {
      legacy.close();
    }
  }

  @ArquillianResource URL base;

  @BeforeEach
  void relaysReachTheDeployment() {
    peer.upstream(base.getPort());
    legacy.upstream(base.getPort());
  }

  @Test
  void theAgentUsesToolsOfAModernAndOfAClassicServer() throws Exception {
    String user = "mcp-client-" + UUID.randomUUID();
    String token = ItEnvironment.keys().token("HS256", user);
    ChatKitClient chat = new ChatKitClient(base.toURI(), token);
    FakeOpenAi model = ItEnvironment.openAi();

    model.enqueue(
        ModelReply.tool("peer__add_task", "{\"title\":\"Added over MCP 2026-07-28\"}"),
        ModelReply.text("Added it on the peer."));
    Stream modern =
        chat.stream(
            "{\"type\":\"threads.create\",\"params\":{\"input\":"
                + ChatKitIT.input("add it on the peer")
                + "}}");
    assertThat(modern.status()).isEqualTo(200);
    assertThat(modern.body()).contains("Added it on the peer.");

    model.enqueue(
        ModelReply.tool("legacy__add_task", "{\"title\":\"Added over MCP 2025-11-25\"}"),
        ModelReply.text("Added it on the legacy server."));
    Stream classic =
        chat.stream(
            "{\"type\":\"threads.create\",\"params\":{\"input\":"
                + ChatKitIT.input("add it on the legacy server")
                + "}}");
    assertThat(classic.status()).isEqualTo(200);
    assertThat(classic.body()).contains("Added it on the legacy server.");

    // Each task belongs to the owner of the token that server was called with, not to the chat
    // user.
    assertThat(titles(PEER_OWNER)).containsExactly("Added over MCP 2026-07-28");
    assertThat(titles(LEGACY_OWNER)).containsExactly("Added over MCP 2025-11-25");
    assertThat(titles(user)).isEmpty();

    assertThat(peer.log())
        .anyMatch(line -> line.contains("[2026-07-28] -> HTTP/1.1 200"))
        .noneMatch(line -> line.contains("[-]"));
    assertThat(legacy.log())
        .anyMatch(line -> line.contains("[2026-07-28] -> refused here"))
        .anyMatch(line -> line.contains("[2025-11-25] -> HTTP/1.1 200"));

    JsonObject health = new Http(base.toURI(), token).get("api/chatkit/health").json();
    Map<String, JsonObject> servers =
        health.getJsonArray("mcp_servers").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(s -> s.getString("name"), s -> s));
    assertThat(servers.get("peer").getString("protocol")).isEqualTo("2026-07-28");
    assertThat(servers.get("peer").getInt("tools")).isEqualTo(7);
    assertThat(servers.get("legacy").getString("protocol")).isEqualTo("2025-11-25");
    assertThat(servers.get("legacy").getBoolean("reachable")).isTrue();
  }

  private List<String> titles(String owner) throws Exception {
    return new Http(base.toURI(), ItEnvironment.keys().token("HS256", owner))
        .get("api/tasks").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(t -> t.getString("title"))
            .toList();
  }
}
