package dev.tasktalk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar bench/target/tasktalk-bench.jar [options]}: starts the fake model and the server
 * ({@code java -jar launcher/target/tasktalk.jar}) and runs the scenarios of docs/benchmarks.md.
 */
public final class Bench {

  private Bench() {}

  /** The command line: {@code --name value} pairs with these defaults. */
  record Options(Map<String, String> values) {

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
      Map<String, String> defaults = new LinkedHashMap<>();
      defaults.put("jar", "launcher/target/tasktalk.jar");
      defaults.put(
          "work",
          "bench/target/run-"
              + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      defaults.put("scenarios", "first-token,tool,concurrent,store");
      defaults.put("turns", "200");
      defaults.put("streams", "100,500,1000");
      defaults.put("ramp-seconds", "10");
      defaults.put("turns-each", "2");
      defaults.put("threads", "10000");
      defaults.put("items-per-thread", "100");
      defaults.put("reads", "1000");
      defaults.put("server-java-options", "");
      defaults.put("profile", "false");
      defaults.put("log-statements", "false");
      defaults.put("nodes", "1");
      return defaults;
    }

    static Options parse(String... args) {
      Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
      for (int i = 0; i < args.length; i++) {
        String name = args[i].startsWith("--") ? args[i].substring(2) : null;
        if (name == null || !DEFAULTS.containsKey(name)) {
          throw new IllegalArgumentException(
              "unknown option " + args[i] + "; options: " + DEFAULTS.keySet());
        }
        if (name.equals("profile") || name.equals("log-statements")) {
          values.put(name, "true");
        } else if (i + 1 < args.length) {
          values.put(name, args[++i]);
        } else {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
      }
      return new Options(values);
    }

    String get(String name) {
      return values.get(name);
    }

    int number(String name) {
      return Integer.parseInt(values.get(name));
    }

    List<String> list(String name) {
      return Arrays.stream(values.get(name).split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("tasktalk-bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path jar = Path.of(options.get("jar"));
    if (!Files.isRegularFile(jar)) {
      System.err.println(
          "tasktalk-bench: " + jar + " not found; build it first: mvn -B -q package -DskipTests");
      System.exit(2);
    }
    if (options.number("nodes") < 1) {
      System.err.println("tasktalk-bench: --nodes must be at least 1");
      System.exit(2);
    }
    Path work = Path.of(options.get("work")).toAbsolutePath();
    Files.createDirectories(work);
    Report report = new Report();
    report.line("# Tasktalk benchmark, " + LocalDateTime.now().withNano(0));
    report.line(Machine.describe());
    Tokens tokens = Tokens.random();
    Clients clients = new Clients();
    try (FakeModel model = FakeModel.start()) {
      Map<String, String> settings =
          new LinkedHashMap<>(
              Map.of(
                  "LLM_BASE_URL",
                  model.baseUrl(),
                  "LLM_MODEL",
                  FakeModel.MODEL,
                  "LLM_API_KEY",
                  "bench",
                  "JWT_SECRET",
                  tokens.secret()));
      if (!options.get("server-java-options").isBlank()) {
        settings.put(
            "JAVA_OPTS", options.get("server-java-options")); // the launcher passes them to Payara
      }
      long starting = System.nanoTime();
      int nodes = options.number("nodes");
      try (Server server =
          nodes > 1
              ? Cluster.start(nodes, jar, work, settings, clients)
              : ServerProcess.start(jar, work, settings, clients)) {
        if (nodes > 1) {
          report.line(
              String.format(
                  "Servers: %d × java -jar %s on one PostgreSQL (DATABASE_URL) behind nginx"
                      + " (round robin), all ready in %.1f s (logs: %s)",
                  nodes,
                  jar,
                  (System.nanoTime() - starting) / 1e9,
                  work.resolve("node-*/server.log")));
          List<Long> pids = server.payaraPids();
          for (int node = 0; node < pids.size(); node++) {
            report.line(
                "Node "
                    + (node + 1)
                    + " RSS when ready: "
                    + ProcessMeter.rssKb(pids.get(node)) / 1024
                    + " MB (Payara JVM)");
          }
        } else {
          report.line(
              String.format(
                  "Server: java -jar %s, ready in %.1f s (log: %s)",
                  jar, (System.nanoTime() - starting) / 1e9, work.resolve("server.log")));
          report.line(
              "Server RSS when ready: "
                  + ProcessMeter.rssKb(server.payaraPids().get(0)) / 1024
                  + " MB (Payara JVM)");
        }
        Database database = new Database(server.jdbcUrl());
        if (Boolean.parseBoolean(options.get("log-statements"))) {
          database.logStatements(); // every statement with its duration in data/postgres.log
        }
        Scenarios scenarios =
            new Scenarios(
                clients,
                model,
                server,
                database,
                tokens,
                report,
                work,
                Boolean.parseBoolean(options.get("profile")));
        List<String> chosen = new ArrayList<>(options.list("scenarios"));
        for (String scenario : chosen) {
          switch (scenario) {
            case "first-token" -> scenarios.firstToken(options.number("turns"), 20, 100);
            case "tool" -> scenarios.toolCall(Math.max(options.number("turns") / 2, 1), 20, 100);
            case "concurrent" -> {
              for (String streams : options.list("streams")) {
                scenarios.concurrent(
                    Integer.parseInt(streams),
                    200,
                    20,
                    options.number("ramp-seconds"),
                    options.number("turns-each"));
                Thread.sleep(5_000);
              }
            }
            case "store" ->
                scenarios.store(
                    options.number("threads"),
                    options.number("items-per-thread"),
                    options.number("reads"));
            default ->
                throw new IllegalArgumentException(
                    "unknown scenario "
                        + scenario
                        + "; scenarios: first-token, tool, concurrent, store");
          }
        }
      }
    } finally {
      report.write(work.resolve("results.md"));
      System.out.println();
      System.out.println("Results: " + work.resolve("results.md"));
    }
  }
}
