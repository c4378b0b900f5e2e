package dev.tasktalk.adapter.out.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.domain.user.UserId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteMcpToolboxTest {

  private static final ToolContext CONTEXT =
      new ToolContext(new UserId("alice"), ToolContext.AGENT, null, null);

  private TinyMcpServer server;
  private RemoteMcpToolbox toolbox;

  @BeforeEach
  void start() throws IOException {
    server = new TinyMcpServer();
  }

  @AfterEach
  void stop() {
    if (toolbox != null) {
      toolbox.close();
    }
    server.close();
  }

  private RemoteMcpToolbox toolbox(
      String url, String token, Duration request, Duration retryAfter) {
    toolbox =
        new RemoteMcpToolbox(
            new ExternalMcpServer("weather", url, token),
            Duration.ofSeconds(2),
            request,
            retryAfter,
            Clock.systemUTC());
    return toolbox;
  }

  private RemoteMcpToolbox toolbox() {
    return toolbox(server.url(), null, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  private Map<String, ToolSpec> specs(RemoteMcpToolbox toolbox) {
    return toolbox.specs().stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));
  }

  @Test
  void discoversNamespacedToolsLazilyAndCachesThem() {
    RemoteMcpToolbox tools = toolbox();
    assertThat(server.methods).isEmpty();

    assertThat(tools.specs())
        .extracting(ToolSpec::name)
        .containsExactly(
            "weather__echo",
            "weather__wipe",
            "weather__greet_person",
            "weather__fail",
            "weather__plain");
    tools.specs();

    assertThat(server.methods.stream().filter("tools/list"::equals)).hasSize(1);
    ToolSpec echo = specs(tools).get("weather__echo");
    assertThat(echo.description())
        .startsWith("[weather MCP server] ")
        .endsWith("Echoes its arguments");
    assertThat(echo.inputSchema()).contains("\"required\":[\"message\"]").contains("\"message\"");
    assertThat(tools.health())
        .isEqualTo(new RemoteMcpHealth("weather", server.url(), true, 5, null, "2025-11-25"));
  }

  @Test
  void mapsTheHints() {
    Map<String, ToolSpec> specs = specs(toolbox());

    assertThat(specs.get("weather__echo"))
        .satisfies(
            spec -> {
              assertThat(spec.readOnly()).isTrue();
              assertThat(spec.destructive()).isFalse();
            });
    assertThat(specs.get("weather__wipe"))
        .satisfies(
            spec -> {
              assertThat(spec.readOnly()).isFalse();
              assertThat(spec.destructive()).isTrue();
              // What a cancelled confirmation names, instead of "the deletion".
              assertThat(spec.action()).isEqualTo("run ‘Wipe everything’ on weather");
            });
    assertThat(specs.get("weather__greet_person"))
        .satisfies(
            spec -> {
              assertThat(spec.destructive()).isFalse();
              assertThat(spec.idempotent()).isTrue();
            });
    // MCP's default: a tool without hints may be destructive, so the agent asks first.
    assertThat(specs.get("weather__plain").destructive()).isTrue();
  }

  @Test
  void callsRoundTripStructuredContentAndText() {
    RemoteMcpToolbox tools = toolbox();

    ToolOutcome echo = tools.call(CONTEXT, "weather__echo", "{\"message\":\"hi\"}");
    ToolOutcome greet = tools.call(CONTEXT, "weather__greet_person", "{\"name\":\"Ayesha\"}");

    assertThat(echo.error()).isFalse();
    assertThat(echo.content()).isEqualTo("{\"echo\":{\"message\":\"hi\"}}");
    assertThat(echo.title()).isEqualTo("Ran ‘echo’ on weather");
    assertThat(greet.content()).isEqualTo("{\"text\":\"Hello, Ayesha!\"}");
    assertThat(tools.call(CONTEXT, "weather__wipe", "").content()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void isErrorIsAnErrorOutcome() {
    ToolOutcome outcome = toolbox().call(CONTEXT, "weather__fail", "{}");

    assertThat(outcome.error()).isTrue();
    assertThat(outcome.content()).isEqualTo("{\"error\":\"the widget is broken\"}");
    assertThat(outcome.title()).isEqualTo("Couldn't run ‘fail’ on weather: the widget is broken");
  }

  @Test
  void unknownToolsAndBadArgumentsAreErrorOutcomes() {
    RemoteMcpToolbox tools = toolbox();

    assertThat(tools.call(CONTEXT, "weather__nope", "{}"))
        .satisfies(
            outcome -> {
              assertThat(outcome.error()).isTrue();
              assertThat(outcome.content())
                  .contains("unknown tool weather__nope")
                  .contains("weather__echo");
            });
    assertThat(tools.call(CONTEXT, "weather__echo", "[1]").content())
        .contains("must be a JSON object");
    assertThat(tools.call(CONTEXT, "weather__echo", "{oops").content()).contains("not valid JSON");
  }

  @Test
  void describesADestructiveCallForTheConfirmation() {
    ToolOutcome question = toolbox().describe(CONTEXT, "weather__wipe", "{\"scope\":\"all\"}");

    assertThat(question.error()).isFalse();
    assertThat(question.title())
        .isEqualTo("Run ‘Wipe everything’ on weather with {\"scope\":\"all\"}?");
    assertThat(question.content()).contains("\"tool\":\"wipe\"");
  }

  @Test
  void sendsTheBearerToken() {
    RemoteMcpToolbox tools =
        toolbox(server.url(), "s3cret", Duration.ofSeconds(5), Duration.ofSeconds(30));

    tools.call(CONTEXT, "weather__echo", "{\"message\":\"hi\"}");

    assertThat(server.authorizations).isNotEmpty().allMatch("Bearer s3cret"::equals);
  }

  @Test
  void aDownServerGivesNoToolsAndErrorOutcomesQuickly() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RemoteMcpToolbox tools =
        toolbox(
            "http://127.0.0.1:" + port + "/mcp",
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    long started = System.nanoTime();

    assertThat(tools.specs()).isEmpty();
    ToolOutcome outcome = tools.call(CONTEXT, "weather__echo", "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(outcome.error()).isTrue();
    assertThat(outcome.content())
        .startsWith("{\"error\":\"the weather tool server is unavailable: ");
    assertThat(outcome.title()).isEqualTo("Couldn't reach weather");
    assertThat(tools.health())
        .satisfies(
            health -> {
              assertThat(health.reachable()).isFalse();
              assertThat(health.toolCount()).isZero();
              assertThat(health.lastError()).isNotBlank();
            });
  }

  @Test
  void aServerThatComesUpLaterIsDiscoveredOnALaterTurn() throws IOException {
    int port = server.port();
    server.close();
    RemoteMcpToolbox tools =
        toolbox("http://127.0.0.1:" + port + "/mcp", null, Duration.ofSeconds(5), Duration.ZERO);
    assertThat(tools.specs()).isEmpty();
    assertThat(tools.call(CONTEXT, "weather__echo", "{}").title())
        .isEqualTo("Couldn't reach weather");

    server = new TinyMcpServer(port);

    assertThat(tools.specs()).hasSize(5);
    assertThat(tools.call(CONTEXT, "weather__echo", "{\"message\":\"hi\"}").error()).isFalse();
    assertThat(tools.health().reachable()).isTrue();
  }

  @Test
  void aSlowServerGivesErrorOutcomesWithinTheTimeout() {
    server.delayMillis = 4_000;
    RemoteMcpToolbox tools =
        toolbox(server.url(), null, Duration.ofMillis(500), Duration.ofSeconds(30));
    long started = System.nanoTime();

    assertThat(tools.specs()).isEmpty();
    ToolOutcome outcome = tools.call(CONTEXT, "weather__echo", "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(outcome.error()).isTrue();
    assertThat(outcome.title()).isEqualTo("Couldn't reach weather");
    assertThat(tools.health().reachable()).isFalse();
  }

  @Test
  void aCallThatTimesOutAfterDiscoveryKeepsTheToolsAndReportsUnavailable() {
    server.delayMillis = 4_000;
    server.slowCallsOnly = true;
    RemoteMcpToolbox tools =
        toolbox(server.url(), null, Duration.ofMillis(500), Duration.ofSeconds(30));
    assertThat(tools.specs()).hasSize(5);
    long started = System.nanoTime();

    ToolOutcome outcome = tools.call(CONTEXT, "weather__echo", "{\"message\":\"hi\"}");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(outcome.error()).isTrue();
    assertThat(outcome.content()).contains("the weather tool server is unavailable: ");
    assertThat(outcome.title()).isEqualTo("Couldn't reach weather");
    assertThat(tools.specs()).hasSize(5);
    assertThat(tools.health())
        .satisfies(
            health -> {
              assertThat(health.reachable()).isFalse();
              assertThat(health.toolCount()).isEqualTo(5);
            });

    server.delayMillis = 0;
    assertThat(tools.call(CONTEXT, "weather__echo", "{\"message\":\"back\"}").error()).isFalse();
    assertThat(tools.health().reachable()).isTrue();
  }

  @Test
  void namesAreSanitisedAndCut() {
    assertThat(RemoteMcpToolbox.namespaced("gh", "repos/list.all")).isEqualTo("gh__repos_list_all");
    assertThat(RemoteMcpToolbox.namespaced("server", "x".repeat(100)))
        .hasSize(64)
        .startsWith("server__x");
  }
}
