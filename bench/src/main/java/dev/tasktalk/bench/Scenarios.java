package dev.tasktalk.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The four measurements of docs/benchmarks.md, each printing its figures to the report. */
final class Scenarios {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * PostgreSQL's idle backends report their counters at the latest this long after a transaction.
   */
  private static final long STATS_SETTLE_MS = 11_000;

  private final Clients clients;
  private final FakeModel model;
  private final Server server;
  private final Database database;
  private final Tokens tokens;
  private final Report report;
  private final Path work;
  private final boolean profile;
  private final URI chatKit;
  private boolean warm;

  Scenarios(
      Clients clients,
      FakeModel model,
      Server server,
      Database database,
      Tokens tokens,
      Report report,
      Path work,
      boolean profile) {
    this.clients = clients;
    this.model = model;
    this.server = server;
    this.database = database;
    this.tokens = tokens;
    this.report = report;
    this.work = work;
    this.profile = profile;
    this.chatKit = server.uri("/chatkit");
  }

  /**
   * Scenario 1: sequential turns in one conversation, straight from the fake model and through the
   * server; what the server adds to the first token and to the gaps between tokens.
   */
  void firstToken(int turns, int tokensPerTurn, int rate) throws Exception {
    report.section(
        "1. One conversation: "
            + turns
            + " sequential turns of "
            + tokensPerTurn
            + " tokens at "
            + rate
            + " tokens/s");
    warmUp();
    conversation("bench-warmup", "W", 30, tokensPerTurn, rate, null);
    for (int i = 0; i < 30; i++) {
      direct("DW" + i, tokensPerTurn, rate);
    }

    List<Turn> direct = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      direct.add(direct("D" + i, tokensPerTurn, rate));
    }
    Database.Writes before = database.writes();
    Profiler profiler =
        profile
            ? Profiler.start(server.payaraPids().get(0), work.resolve("first-token.jfr"))
            : null;
    List<Turn> through = conversation("bench-first-token", "F", turns, tokensPerTurn, rate, null);
    List<String> profileLines = profiler == null ? List.of() : profiler.stop(12);
    Thread.sleep(STATS_SETTLE_MS);
    Database.Writes writes = database.writes().minus(before);

    requireComplete(through, "through the server");
    requireComplete(direct, "straight from the fake model");
    Samples directFirst = Samples.of(direct.stream().map(Turn::firstTokenNanos).toList());
    Samples throughFirst = Samples.of(through.stream().map(Turn::firstTokenNanos).toList());
    report.line("Time to first token, straight from the fake model: " + directFirst.summary());
    report.line("Time to first token, through the server:           " + throughFirst.summary());
    report.figure(
        "Added time to first token",
        throughFirst.p50() - directFirst.p50(),
        throughFirst.p99() - directFirst.p99(),
        "p50 < 5 ms, p99 < 20 ms");
    report.line(
        "  of which before the model is called (request in → model request out): "
            + Samples.of(
                    through.stream().map(t -> trace(t).answerRequestAt() - t.sentAt()).toList())
                .summary());
    report.line(
        "    request in → first SSE event (stored message, open run): "
            + Samples.of(through.stream().map(t -> t.firstEventAt() - t.sentAt()).toList())
                .summary());
    report.line(
        "    first SSE event → model request out (history, model request): "
            + Samples.of(
                    through.stream()
                        .map(t -> trace(t).answerRequestAt() - t.firstEventAt())
                        .toList())
                .summary());
    report.line(
        "  of which relaying the first token (model → client):                      "
            + Samples.of(through.stream().map(t -> t.tokenAt(0) - trace(t).tokenSentAt(0)).toList())
                .summary());
    Samples directGaps = Samples.of(direct.stream().flatMap(t -> t.gaps().stream()).toList());
    Samples throughGaps = Samples.of(through.stream().flatMap(t -> t.gaps().stream()).toList());
    report.line(
        "Gap between tokens (model sends every "
            + 1000 / rate
            + " ms), direct:  "
            + directGaps.summary());
    report.line("Gap between tokens, through the server:                " + throughGaps.summary());
    report.figure(
        "Added gap between tokens",
        throughGaps.p50() - directGaps.p50(),
        throughGaps.p99() - directGaps.p99(),
        null);
    report.line("Token delivery (model flush → client), direct:  " + relay(direct).summary());
    report.line("Token delivery (model flush → client), through: " + relay(through).summary());
    report.fact(
        "Database writes per turn (" + tokensPerTurn + " tokens)",
        String.format(
            "%.1f commits, %.1f rows",
            (double) writes.commits() / turns, (double) writes.rows() / turns),
        "no write per streamed delta");
    profileLines.forEach(report::line);
  }

  /** Scenario 2: many conversations at once, each one turn streaming at the given rate. */
  void concurrent(int conversations, int tokensPerTurn, int rate, int rampSeconds, int turnsEach)
      throws Exception {
    report.section(
        "2. "
            + conversations
            + " concurrent conversations, "
            + turnsEach
            + " turns each of "
            + tokensPerTurn
            + " tokens at "
            + rate
            + " tokens/s, started "
            + (rampSeconds == 0 ? "all at once" : "evenly over " + rampSeconds + " s"));
    List<String> users = new ArrayList<>();
    for (int i = 0; i < conversations; i++) {
      users.add(tokens.forUser("bench-load-" + conversations + "-" + i));
    }
    warmUp();
    ProcessMeter payara = new ProcessMeter(server::payaraPids, false);
    int nodes = server.payaraPids().size();
    List<ProcessMeter> perNode = new ArrayList<>();
    for (int node = 0; nodes > 1 && node < nodes; node++) {
      int index = node;
      perNode.add(new ProcessMeter(() -> List.of(server.payaraPids().get(index)), false));
    }
    ProcessMeter proxy = new ProcessMeter(server::proxyPids, false);
    ProcessMeter postgres = new ProcessMeter(server::postgresPids, true);
    ProcessMeter bench = new ProcessMeter(() -> List.of(ProcessHandle.current().pid()), false);
    Database.Writes before = database.writes();
    Profiler profiler =
        profile
            ? Profiler.start(
                server.payaraPids().get(0), work.resolve("concurrent-" + conversations + ".jfr"))
            : null;
    payara.start();
    perNode.forEach(ProcessMeter::start);
    proxy.start();
    postgres.start();
    bench.start();
    ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor();
    List<CompletableFuture<List<Turn>>> pending = new ArrayList<>();
    long spacing = rampSeconds * 1_000_000_000L / conversations;
    for (int i = 0; i < conversations; i++) {
      String user = users.get(i);
      String prefix = "L" + conversations + "-" + i + "-";
      CompletableFuture<List<Turn>> done = new CompletableFuture<>();
      starter.schedule(
          () ->
              chain(user, prefix, 0, turnsEach, null, tokensPerTurn, rate, new ArrayList<>(), done),
          i * spacing,
          TimeUnit.NANOSECONDS);
      pending.add(done);
    }
    List<Turn> turns =
        awaitAll(
            pending,
            rampSeconds + (long) turnsEach * tokensPerTurn / Math.max(rate, 1) + 180,
            turnsEach);
    starter.shutdownNow();
    ProcessMeter.Usage serverUse = payara.stop();
    List<ProcessMeter.Usage> nodeUse = perNode.stream().map(ProcessMeter::stop).toList();
    ProcessMeter.Usage proxyUse = proxy.stop();
    ProcessMeter.Usage databaseUse = postgres.stop();
    ProcessMeter.Usage benchUse = bench.stop();
    List<String> profileLines = profiler == null ? List.of() : profiler.stop(15);
    Thread.sleep(STATS_SETTLE_MS);
    Database.Writes writes = database.writes().minus(before);

    report.line("Most streams open at once: " + peakConcurrency(turns));
    long complete = turns.stream().filter(Turn::complete).count();
    long received = turns.stream().mapToLong(Turn::tokensReceived).sum();
    long sent = turns.stream().mapToLong(t -> trace(t) == null ? 0 : trace(t).tokensSent()).sum();
    report.line(
        String.format(
            "Completed turns: %d of %d; errors: %d",
            complete, turns.size(), turns.size() - complete));
    errorKinds(turns).forEach((kind, count) -> report.line("  " + count + " × " + kind));
    report.line(
        String.format(
            "Tokens delivered: %d of %d the model sent (%.2f%%), of %d asked for",
            received,
            sent,
            sent == 0 ? 0 : 100.0 * received / sent,
            (long) turns.size() * tokensPerTurn));
    Samples first =
        Samples.of(
            turns.stream()
                .filter(t -> t.firstTokenNanos() > 0)
                .map(t -> t.firstTokenNanos() - trace(t).modelFirstTokenNanos())
                .toList());
    report.figure("Added time to first token", first.p50(), first.p99(), null);
    report.line(
        "  of which before the model is called: "
            + Samples.of(
                    turns.stream()
                        .filter(t -> trace(t) != null && trace(t).answerRequestAt() != 0)
                        .map(t -> trace(t).answerRequestAt() - t.sentAt())
                        .toList())
                .summary());
    Samples relay = relay(turns);
    report.figure("Added delay per token (model flush → client)", relay.p50(), relay.p99(), null);
    report.fact(
        "Turns without error; tokens delivered",
        complete
            + " of "
            + turns.size()
            + "; "
            + String.format("%.2f%%", sent == 0 ? 0 : 100.0 * received / sent),
        "no error, ≥ 95% delivered");
    report.fact(
        "Server peak resident memory; CPU",
        serverUse.peakRssKb() / 1024 + " MB; " + String.format("%.2f cores", serverUse.cores()),
        "< 1 GB at 1,000 streams");
    long rssAfterKb = server.payaraPids().stream().mapToLong(ProcessMeter::rssKb).sum();
    report.line(
        (nodes > 1
                ? "Servers (" + nodes + " Payara JVMs, summed RSS): "
                : "Server (Payara JVM, RSS):  ")
            + serverUse.summary()
            + "; RSS after: "
            + rssAfterKb / 1024
            + " MB");
    for (int node = 0; node < nodeUse.size(); node++) {
      report.line(
          "  node "
              + (node + 1)
              + ": "
              + nodeUse.get(node).summary()
              + "; RSS after: "
              + ProcessMeter.rssKb(server.payaraPids().get(node)) / 1024
              + " MB");
    }
    if (!server.proxyPids().isEmpty()) {
      report.line("nginx (all processes, RSS): " + proxyUse.summary());
    }
    report.line("PostgreSQL (all processes, PSS): " + databaseUse.summary());
    report.line("Benchmark (clients + fake model, same machine): " + benchUse.summary());
    report.fact(
        "Database writes per turn (" + tokensPerTurn + " tokens)",
        String.format(
            "%.1f commits, %.1f rows",
            (double) writes.commits() / turns.size(), (double) writes.rows() / turns.size()),
        "no write per streamed delta");
    profileLines.forEach(report::line);
  }

  /** One conversation's turns, one after the other, each starting when the previous stream ends. */
  private void chain(
      String user,
      String prefix,
      int index,
      int count,
      String thread,
      int tokensPerTurn,
      int rate,
      List<Turn> done,
      CompletableFuture<List<Turn>> result) {
    String key = prefix + index;
    String text = FakeModel.Directive.text(key, tokensPerTurn, rate, null);
    clients
        .chatKit(
            chatKit,
            user,
            thread == null ? create(text) : addMessage(thread, text),
            key,
            tokensPerTurn)
        .whenComplete(
            (turn, failure) -> {
              done.add(turn);
              String next = thread == null ? turn.threadId() : thread;
              if (index + 1 < count && turn.complete() && next != null) {
                chain(user, prefix, index + 1, count, next, tokensPerTurn, rate, done, result);
              } else {
                result.complete(done);
              }
            });
  }

  /** The largest number of turns whose streams overlapped. */
  private static int peakConcurrency(List<Turn> turns) {
    List<long[]> edges = new ArrayList<>();
    for (Turn turn : turns) {
      if (turn.sentAt() != 0 && turn.endedAt() != 0) {
        edges.add(new long[] {turn.sentAt(), 1});
        edges.add(new long[] {turn.endedAt(), -1});
      }
    }
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int open = 0;
    int peak = 0;
    for (long[] edge : edges) {
      open += (int) edge[1];
      peak = Math.max(peak, open);
    }
    return peak;
  }

  /**
   * Before the first measured load: 200 short conversations, 50 at a time, so that class loading,
   * lazy beans and the JIT are not counted against the first load level.
   */
  private void warmUp() throws Exception {
    if (warm) {
      return;
    }
    for (int round = 0; round < 4; round++) {
      List<CompletableFuture<List<Turn>>> pending = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        CompletableFuture<List<Turn>> done = new CompletableFuture<>();
        chain(
            tokens.forUser("bench-warmup-" + i),
            "LW" + round + "-" + i + "-",
            0,
            1,
            null,
            20,
            100,
            new ArrayList<>(),
            done);
        pending.add(done);
      }
      awaitAll(pending, 120, 1);
    }
    warm = true;
  }

  /** Scenario 4: a turn whose model first calls add_task; the server's part of the round trip. */
  void toolCall(int turns, int tokensPerTurn, int rate) throws Exception {
    report.section("4. Turns with one tool call (add_task), " + turns + " sequential turns");
    conversation("bench-tool-warmup", "TW", 20, tokensPerTurn, rate, "add_task");
    List<Turn> measured = conversation("bench-tool", "T", turns, tokensPerTurn, rate, "add_task");
    requireComplete(measured, "with a tool call");
    Samples roundTrip =
        Samples.of(
            measured.stream()
                .map(t -> trace(t).answerRequestAt() - trace(t).toolCallSentAt())
                .toList());
    report.figure(
        "Tool round trip in the server (tool call read → next model request)",
        roundTrip.p50(),
        roundTrip.p99(),
        null);
    report.line(
        "  before the first model request: "
            + Samples.of(measured.stream().map(t -> trace(t).toolRequestAt() - t.sentAt()).toList())
                .summary());
    report.line(
        "  time to first answer token, whole turn: "
            + Samples.of(measured.stream().map(Turn::firstTokenNanos).toList()).summary());
  }

  /** Scenario 3: items.list and threads.list with a million items over ten thousand threads. */
  void store(int threads, int itemsPerThread, int requests) throws Exception {
    report.section(
        "3. Store reads with "
            + (long) threads * itemsPerThread
            + " items over "
            + threads
            + " threads of one user");
    String token = tokens.forUser("bench-store");
    Turn template =
        clients
            .chatKit(
                chatKit, token, create(FakeModel.Directive.text("S0", 20, 1000, null)), "S0", 20)
            .get(60, TimeUnit.SECONDS);
    requireComplete(List.of(template), "template conversation");
    long started = System.nanoTime();
    database.seed(template.threadId(), threads, itemsPerThread);
    report.line(
        String.format(
            "Seeded in %.0f s; the database now holds %d items in %d threads",
            (System.nanoTime() - started) / 1e9,
            database.count("thread_items"),
            database.count("threads")));

    Random random = new Random(7);
    List<String> threadIds = new ArrayList<>();
    for (int g = 1; g <= threads; g++) {
      threadIds.add(String.format("thr_seed_%06d", g));
    }
    Map<String, Samples> results = new java.util.LinkedHashMap<>();
    Profiler profiler = null;
    for (boolean measure : new boolean[] {false, true}) {
      int n = measure ? requests : requests / 5;
      if (measure && profile) {
        profiler = Profiler.start(server.payaraPids().get(0), work.resolve("store.jfr"));
      }
      List<Long> firstPage = new ArrayList<>();
      List<Long> deepPage = new ArrayList<>();
      List<Long> newestItems = new ArrayList<>();
      List<Long> olderItems = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String thread = threadIds.get(random.nextInt(threadIds.size()));
        firstPage.add(
            timed(
                token, "{\"type\":\"threads.list\",\"params\":{\"limit\":20,\"order\":\"desc\"}}"));
        deepPage.add(
            timed(
                token,
                "{\"type\":\"threads.list\",\"params\":{\"limit\":20,\"order\":\"desc\","
                    + "\"after\":\""
                    + threadIds.get(random.nextInt(threadIds.size()))
                    + "\"}}"));
        newestItems.add(
            timed(
                token,
                "{\"type\":\"items.list\",\"params\":{\"thread_id\":\""
                    + thread
                    + "\",\"limit\":20,\"order\":\"desc\"}}"));
        int g = Integer.parseInt(thread.substring("thr_seed_".length()));
        olderItems.add(
            timed(
                token,
                "{\"type\":\"items.list\",\"params\":{\"thread_id\":\""
                    + thread
                    + "\",\"limit\":20,\"order\":\"desc\",\"after\":\"itm_seed_"
                    + g
                    + "_"
                    + (30 + random.nextInt(60))
                    + "\"}}"));
      }
      if (measure) {
        results.put("threads.list, newest 20", Samples.of(firstPage));
        results.put("threads.list, 20 after a random thread", Samples.of(deepPage));
        results.put("items.list, newest 20 of a random thread", Samples.of(newestItems));
        results.put("items.list, 20 after a random item", Samples.of(olderItems));
      }
    }
    List<String> profileLines = profiler == null ? List.of() : profiler.stop(12);
    results.forEach((name, samples) -> report.line(name + ": " + samples.summary()));
    profileLines.forEach(report::line);
    results.forEach(
        (name, samples) -> report.figure(name, samples.p50(), samples.p99(), "p99 < 10 ms"));
  }

  private long timed(String token, String body) throws IOException, InterruptedException {
    Clients.Answer answer = clients.json(chatKit, token, body);
    if (answer.status() != 200 || !answer.body().has("data")) {
      throw new IllegalStateException(
          "the server answered " + answer.status() + ": " + answer.body() + " to " + body);
    }
    return answer.nanos();
  }

  /** Sequential turns of one user in one new conversation. */
  private List<Turn> conversation(
      String user, String prefix, int turns, int tokensPerTurn, int rate, String tool)
      throws Exception {
    String token = tokens.forUser(user);
    List<Turn> done = new ArrayList<>();
    String thread = null;
    for (int i = 0; i < turns; i++) {
      String key = prefix + i;
      String text = FakeModel.Directive.text(key, tokensPerTurn, rate, tool);
      String body = thread == null ? create(text) : addMessage(thread, text);
      Turn turn =
          clients.chatKit(chatKit, token, body, key, tokensPerTurn).get(120, TimeUnit.SECONDS);
      if (thread == null) {
        thread = turn.threadId();
      }
      done.add(turn);
    }
    return done;
  }

  private Turn direct(String key, int tokensPerTurn, int rate) throws Exception {
    return clients
        .direct(
            URI.create(model.baseUrl() + "/chat/completions"),
            FakeModel.Directive.text(key, tokensPerTurn, rate, null),
            key,
            tokensPerTurn)
        .get(60, TimeUnit.SECONDS);
  }

  private Trace trace(Turn turn) {
    return model.trace(turn.key());
  }

  /** Per token: from the fake model's flush to the client's read. */
  private Samples relay(List<Turn> turns) {
    List<Long> delays = new ArrayList<>();
    for (Turn turn : turns) {
      Trace trace = trace(turn);
      for (int i = 0; trace != null && i < turn.expectedTokens(); i++) {
        if (turn.tokenAt(i) != 0 && trace.tokenSentAt(i) != 0) {
          delays.add(turn.tokenAt(i) - trace.tokenSentAt(i));
        }
      }
    }
    return Samples.of(delays);
  }

  /**
   * Every conversation's turns; a conversation still going after {@code seconds} counts as failed
   * turns.
   */
  private static List<Turn> awaitAll(
      List<CompletableFuture<List<Turn>>> pending, long seconds, int turnsEach)
      throws InterruptedException, ExecutionException {
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // report what finished; the rest count as errors
    }
    List<Turn> turns = new ArrayList<>();
    for (CompletableFuture<List<Turn>> future : pending) {
      List<Turn> done = future.isDone() ? future.get() : List.of();
      turns.addAll(done);
      for (int missing = done.size(); missing < turnsEach; missing++) {
        Turn failed = new Turn("missing", 1, 0);
        failed.error(
            future.isDone()
                ? "not started: an earlier turn of its conversation failed"
                : "no end of stream within " + seconds + " s");
        turns.add(failed);
      }
    }
    return turns;
  }

  private static Map<String, Integer> errorKinds(List<Turn> turns) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (Turn turn : turns) {
      if (turn.complete()) {
        continue;
      }
      String kind =
          !turn.errors().isEmpty()
              ? turn.errors().get(0)
              : turn.status() != 200
                  ? "HTTP " + turn.status()
                  : "stream ended after "
                      + turn.tokensReceived()
                      + " of "
                      + turn.expectedTokens()
                      + " tokens";
      kinds.merge(kind.length() > 200 ? kind.substring(0, 200) + "…" : kind, 1, Integer::sum);
    }
    return kinds;
  }

  private static void requireComplete(List<Turn> turns, String what) {
    for (Turn turn : turns) {
      if (!turn.complete()) {
        throw new IllegalStateException(
            "a turn "
                + what
                + " did not complete: status "
                + turn.status()
                + ", "
                + turn.tokensReceived()
                + " of "
                + turn.expectedTokens()
                + " tokens, errors "
                + turn.errors());
      }
    }
  }

  static String create(String text) {
    return "{\"type\":\"threads.create\",\"params\":{\"input\":" + input(text) + "}}";
  }

  static String addMessage(String thread, String text) {
    return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":"
        + JSON.writeValueAsString(thread)
        + ",\"input\":"
        + input(text)
        + "}}";
  }

  private static String input(String text) {
    return "{\"content\":[{\"type\":\"input_text\",\"text\":"
        + JSON.writeValueAsString(text)
        + "}],\"attachments\":[],\"inference_options\":{}}";
  }
}
