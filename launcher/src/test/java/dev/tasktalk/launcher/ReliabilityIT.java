package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite: the real {@code java -jar tasktalk.jar} against a model that fails in
 * every way a provider does, with client hang-ups, racing messages, a fuzzer over every endpoint,
 * the database killed under it and the server itself killed mid-answer. Whatever happens: no
 * acknowledged message is lost, bad input never gets a 5xx, no error shows internals, and every
 * thread takes a new message afterwards. The figures go to {@code target/reliability.txt} (and
 * docs/reliability.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

  private static final Duration READY = Duration.ofSeconds(240);
  private static final Path JAR =
      Path.of(System.getProperty("tasktalk.jar", "target/tasktalk.jar"));
  private static final Pattern THREAD_ID = Pattern.compile("\"id\":\"(thr_[0-9a-f]+)\"");

  /**
   * What a client must never read: exception names, stack frames, the provider's address or output.
   */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\bat (dev|java|org)\\.|PSQL|SQLState|eclipse|127\\.0\\.0\\.1|localhost:\\d|"
              + Pattern.quote(FaultyModel.RAW_MARKER));

  @TempDir static Path dataDirectory;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Object> figures = new LinkedHashMap<>();

  /** Every user message the server acknowledged, by thread: none may be missing at the end. */
  private final Map<String, List<String>> acknowledged =
      Collections.synchronizedMap(new LinkedHashMap<>());

  private FaultyModel model;
  private LauncherProcess server;
  private int port;
  private String token;
  private String otherToken;

  @BeforeAll
  void startServer() throws Exception {
    model = FaultyModel.start();
    port = freePort();
    server = launch("reliability");
    token = devToken("rel-" + System.nanoTime());
    otherToken = devToken("rel-other-" + System.nanoTime());
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      stop(server);
    }
    Postmaster.find(dataDirectory.resolve("postgres"))
        .ifPresent(postmaster -> Postmaster.stop(postmaster, Duration.ofSeconds(15)));
    model.close();
    StringBuilder report = new StringBuilder();
    figures.forEach((name, value) -> report.append(name).append(": ").append(value).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "reliability.txt"), report);
    System.out.println("Reliability figures:\n" + report);
  }

  @Test
  @Order(1)
  void
      givenAModelThatFailsInEachWay_everyTurnEndsWithAPlainError_keepsWhatWasSeen_andTheThreadGoesOn()
          throws Exception {
    int faults = 0;
    for (FaultyModel.Fault fault :
        List.of(
            FaultyModel.Fault.HTTP500,
            FaultyModel.Fault.HTTP429,
            FaultyModel.Fault.CUT,
            FaultyModel.Fault.STALL,
            FaultyModel.Fault.HANG,
            FaultyModel.Fault.GARBLED)) {
      String stream = createThread(token, "fault:" + fault.name().toLowerCase() + " please answer");
      String thread = threadId(stream);
      assertThat(stream).as(fault + " ends with an error event").contains("\"type\":\"error\"");
      assertNoInternals(fault + " stream", stream);
      boolean streamedFirst =
          fault != FaultyModel.Fault.HTTP500
              && fault != FaultyModel.Fault.HTTP429
              && fault != FaultyModel.Fault.HANG;
      String items = items(token, thread);
      if (streamedFirst) {
        assertThat(items)
            .as(fault + ": the words the user saw are kept")
            .contains(FaultyModel.PARTIAL);
      }
      String next = addMessage(token, thread, "fault:none are you there?");
      assertThat(next)
          .as(fault + ": the thread takes the next message")
          .contains(FaultyModel.PARTIAL + " ends well.")
          .doesNotContain("\"type\":\"error\"");
      faults++;
    }
    figures.put(
        "model faults tried (500, 429, cut, stall, hang, garbled), each then a new message",
        faults);
  }

  @Test
  @Order(2)
  void givenAClientThatHangsUpMidAnswer_thePartialAnswerIsKept_andTheThreadGoesOn()
      throws Exception {
    String thread = threadId(createThread(token, "fault:none hello"));
    String partial =
        hangUpAfterFirstDelta(token, addMessageBody(thread, "fault:slow tell me a story"));
    acknowledged.computeIfAbsent(thread, t -> new ArrayList<>()).add("fault:slow tell me a story");
    assertThat(partial).contains("\"type\":\"thread.item.updated\"");
    String items = awaitItems(token, thread, "word", Duration.ofSeconds(20));
    assertThat(items).as("the words streamed before the hang-up are stored").contains("word");
    assertThat(awaitAccepted(thread, "fault:none and now?"))
        .contains(FaultyModel.PARTIAL + " ends well.");
    figures.put("client hang-ups mid-answer", 1);
  }

  @Test
  @Order(3)
  void givenFiveMessagesRacingOnOneThread_oneIsAnswered_andTheOthersAreRefusedCleanly()
      throws Exception {
    String thread = threadId(createThread(token, "fault:none start"));
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<String>> racing = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String text = "fault:slow racer " + i;
      racing.add(
          pool.submit(
              (Callable<String>) () -> chatKitAnyStatus(token, addMessageBody(thread, text))));
    }
    int answered = 0;
    int refused = 0;
    for (Future<String> result : racing) {
      String body = result.get(60, TimeUnit.SECONDS);
      assertNoInternals("racing message", body);
      if (body.contains("\"type\":\"error\"") || body.contains("\"error\":{")) {
        refused++;
      } else {
        answered++;
        Matcher text = Pattern.compile("fault:slow racer \\d").matcher(body);
        assertThat(text.find()).isTrue();
        acknowledged.computeIfAbsent(thread, t -> new ArrayList<>()).add(text.group());
      }
    }
    pool.shutdownNow();
    assertThat(answered).as("one response per thread at a time").isEqualTo(1);
    assertThat(refused).isEqualTo(4);
    assertThat(awaitAccepted(thread, "fault:none after the race"))
        .contains(FaultyModel.PARTIAL + " ends well.");
    figures.put("racing messages on one thread (answered / refused)", answered + " / " + refused);
  }

  @Test
  @Order(4)
  void givenMalformedRequestsToEveryEndpoint_noneGetsA5xx_andEveryErrorIsJsonWithoutInternals()
      throws Exception {
    BadInputFuzzer.Report report =
        BadInputFuzzer.run(URI.create("http://localhost:" + port), token, otherToken);
    figures.put("requests fuzzed", report.requests());
    figures.put("5xx answers to bad input", report.serverErrors());
    figures.put(
        "answered empty by Payara before the application (bad URI, GET with a body, bad chunking)",
        report.containerRefusals().size());
    report
        .containerRefusals()
        .forEach(refusal -> System.out.println("container refusal: " + refusal));
    assertThat(report.violations()).isEmpty();
    assertThat(report.serverErrors()).isZero();
  }

  @Test
  @Order(5)
  void givenTheDatabaseKilled_requestsFailFastWith503_andTheServerHealsWhenTheLauncherRestartsIt()
      throws Exception {
    String thread = threadId(createThread(token, "fault:none before the outage"));
    ProcessHandle postmaster = Postmaster.find(dataDirectory.resolve("postgres")).orElseThrow();
    // The whole server, backends included: a SIGKILLed postmaster alone leaves its backends serving
    // the connections they have for a while, which is not an outage.
    List<ProcessHandle> backends = postmaster.descendants().toList();
    postmaster.destroyForcibly();
    backends.forEach(ProcessHandle::destroyForcibly);
    assertThat(postmaster.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();

    // The launcher restarts its PostgreSQL within about a second, so ask as fast as we can
    // meanwhile: every answer is a 200 (already back) or a JSON 503 naming the database, never a
    // 500 or a hang.
    long outage = System.nanoTime();
    long deadline = outage + Duration.ofSeconds(90).toNanos();
    long slowest = 0;
    int unavailable = 0;
    HttpResponse<String> tasks;
    do {
      long started = System.nanoTime();
      tasks = send(authed("/api/tasks").GET());
      if (tasks.statusCode() != 200) {
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(503);
        assertThat(tasks.headers().firstValue("Content-Type"))
            .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(tasks.body()).contains("\"code\":\"unavailable\"").contains("database");
        assertNoInternals("outage", tasks.body());
        slowest = Math.max(slowest, System.nanoTime() - started);
        unavailable++;
        Thread.sleep(20);
      }
    } while (tasks.statusCode() != 200 && System.nanoTime() < deadline);
    assertThat(tasks.statusCode())
        .as("the server heals once the launcher has restarted PostgreSQL")
        .isEqualTo(200);
    figures.put("database killed: 503 answers while it was down", unavailable);
    figures.put("database killed: slowest 503 (ms)", TimeUnit.NANOSECONDS.toMillis(slowest));
    figures.put(
        "database killed: back to 200 after (ms)",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outage));
    assertThat(items(token, thread)).contains("before the outage");
    assertThat(awaitAccepted(thread, "fault:none after the outage"))
        .contains(FaultyModel.PARTIAL + " ends well.");
  }

  @Test
  @Order(6)
  void
      givenTheServerKilledMidAnswer_aRestartOnTheSameDataHasEveryAcknowledgedMessage_andTheThreadGoesOn()
          throws Exception {
    String thread = threadId(createThread(token, "fault:none before the crash"));
    String body = addMessageBody(thread, "fault:slow answer slowly");
    String seen =
        hangUpAfterFirstDelta(
            token,
            body,
            () -> {
              server
                  .process()
                  .destroyForcibly(); // SIGKILL of the launcher: the reaper ends Payara and
              // PostgreSQL
            });
    acknowledged.computeIfAbsent(thread, t -> new ArrayList<>()).add("fault:slow answer slowly");
    assertThat(seen).contains("thread.item");
    assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    awaitNoPostmaster(Duration.ofSeconds(30));

    server = launch("reliability-after-kill");
    int checked = 0;
    synchronized (acknowledged) {
      for (Map.Entry<String, List<String>> entry : acknowledged.entrySet()) {
        String items = items(token, entry.getKey());
        for (String text : entry.getValue()) {
          assertThat(items)
              .as("acknowledged message '%s' in %s", text, entry.getKey())
              .contains(text);
          checked++;
        }
      }
    }
    figures.put("acknowledged messages checked after SIGKILL and restart", checked);
    assertThat(awaitAccepted(thread, "fault:none after the crash"))
        .as("the interrupted thread goes on")
        .contains(FaultyModel.PARTIAL + " ends well.");
  }

  @Test
  @Order(7)
  void givenAnExternalDatabaseRestarted_requestsGet503MeanwhileAndThePoolHealsByItself()
      throws Exception {
    stop(server); // one Payara at a time on two cores
    server = null;
    Path external = dataDirectory.resolve("external-postgres");
    int databasePort = freePort();
    EmbeddedPostgres database = externalDatabase(external, databasePort);
    int appPort = freePort();
    LauncherProcess app = null;
    try {
      app =
          LauncherProcess.start(
              JAR,
              appPort,
              dataDirectory.resolve("external-app"),
              "reliability-external",
              Map.of(
                  "DATABASE_URL",
                  "postgresql://postgres:postgres@localhost:" + databasePort + "/postgres",
                  "JWT_SECRET",
                  "reliability-secret-of-at-least-thirty-two-bytes"));
      app.awaitBanner(READY);
      port = appPort;
      String bearer =
          Hs256.token("reliability-secret-of-at-least-thirty-two-bytes", "rel-external");
      HttpRequest.Builder tasks = request("/api/tasks").header("Authorization", "Bearer " + bearer);
      HttpResponse<String> created =
          send(
              request("/api/tasks")
                  .header("Authorization", "Bearer " + bearer)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"kept\"}")));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      database.close(); // pg_ctl stop -m fast: what a database restart does to open connections
      long asked = System.nanoTime();
      HttpResponse<String> during = send(tasks.copy().GET());
      figures.put(
          "external database down: 503 answered in (ms)",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
      assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
      assertThat(during.body()).contains("\"code\":\"unavailable\"");
      assertNoInternals("external outage", during.body());
      HttpResponse<String> turn =
          send(
              request("/chatkit")
                  .header("Authorization", "Bearer " + bearer)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"type\":\"threads.create\",\"params\":{\"input\":"
                              + input("lost?")
                              + "}}")));
      assertThat(turn.statusCode())
          .as("a chat turn before its stream starts: " + turn.body())
          .isEqualTo(503);
      assertThat(turn.body()).contains("\"code\":\"unavailable\"");
      assertNoInternals("external outage, chat turn", turn.body());

      database = externalDatabase(external, databasePort);
      long restarted = System.nanoTime();
      long deadline = restarted + Duration.ofSeconds(60).toNanos();
      HttpResponse<String> after = send(tasks.copy().GET());
      while (after.statusCode() != 200 && System.nanoTime() < deadline) {
        Thread.sleep(250);
        after = send(tasks.copy().GET());
      }
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      assertThat(after.body()).contains("kept");
      figures.put(
          "external database restarted: back to 200 after (ms)",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
    } finally {
      if (app != null) {
        stop(app);
      }
      database.close();
    }
  }

  private static EmbeddedPostgres externalDatabase(Path directory, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setRegisterShutdownHook(true)
        .start();
  }

  // ---- the server -----------------------------------------------------------------------------

  private LauncherProcess launch(String name) throws InterruptedException {
    LauncherProcess launched =
        LauncherProcess.start(
            JAR,
            port,
            dataDirectory,
            name,
            Map.of(
                "LLM_BASE_URL",
                model.baseUrl(),
                "LLM_API_KEY",
                "sk-reliability",
                "LLM_MODEL",
                "faulty",
                "LLM_MAX_RETRIES",
                "0",
                "LLM_FIRST_BYTE_TIMEOUT_SECONDS",
                "2",
                "LLM_IDLE_TIMEOUT_SECONDS",
                "2"));
    launched.awaitBanner(READY);
    return launched;
  }

  private static void stop(LauncherProcess launcher) throws InterruptedException {
    List<ProcessHandle> children = launcher.process().descendants().toList();
    launcher.process().destroy();
    if (!launcher.process().waitFor(30, TimeUnit.SECONDS)) {
      launcher.process().destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private void awaitNoPostmaster(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (Postmaster.find(dataDirectory.resolve("postgres")).isPresent()
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  // ---- ChatKit ---------------------------------------------------------------------------------

  private String createThread(String user, String text) throws Exception {
    String stream =
        chatKit(user, "{\"type\":\"threads.create\",\"params\":{\"input\":" + input(text) + "}}");
    acknowledged.computeIfAbsent(threadId(stream), t -> new ArrayList<>()).add(text);
    return stream;
  }

  private String addMessage(String user, String thread, String text) throws Exception {
    String stream = chatKit(user, addMessageBody(thread, text));
    acknowledged.computeIfAbsent(thread, t -> new ArrayList<>()).add(text);
    return stream;
  }

  private static String addMessageBody(String thread, String text) {
    return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\""
        + thread
        + "\",\"input\":"
        + input(text)
        + "}}";
  }

  private static String input(String text) {
    return "{\"content\":[{\"type\":\"input_text\",\"text\":\""
        + text
        + "\"}],\"attachments\":[],"
        + "\"inference_options\":{}}";
  }

  private String items(String user, String thread) throws Exception {
    return chatKit(
        user,
        "{\"type\":\"items.list\",\"params\":{\"thread_id\":\""
            + thread
            + "\",\"limit\":100,\"order\":\"asc\"}}");
  }

  /**
   * Polls the thread until it holds {@code text} (a stopped answer is stored just after the
   * hang-up).
   */
  private String awaitItems(String user, String thread, String text, Duration within)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    String items = items(user, thread);
    while (!items.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      items = items(user, thread);
    }
    return items;
  }

  /**
   * Sends a message until the thread accepts it: the run a hang-up or crash ended may take a moment
   * to close.
   */
  private String awaitAccepted(String thread, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (true) {
      String stream = chatKitAnyStatus(token, addMessageBody(thread, text));
      if (!stream.contains("\"type\":\"error\"") || System.nanoTime() > deadline) {
        acknowledged.computeIfAbsent(thread, t -> new ArrayList<>()).add(text);
        return stream;
      }
      Thread.sleep(500);
    }
  }

  private String chatKit(String user, String body) throws Exception {
    HttpResponse<String> response =
        send(
            request("/chatkit")
                .header("Authorization", "Bearer " + user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private String chatKitAnyStatus(String user, String body) throws Exception {
    HttpResponse<String> response =
        send(
            request("/chatkit")
                .header("Authorization", "Bearer " + user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    return response.body();
  }

  private String hangUpAfterFirstDelta(String user, String body) throws IOException {
    return hangUpAfterFirstDelta(user, body, () -> {});
  }

  private String hangUpAfterFirstDelta(String user, String body, Runnable then) throws IOException {
    return HangUp.afterFirstDelta(port, user, body, then);
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private String devToken(String user) throws Exception {
    HttpResponse<String> response =
        send(
            request("/api/dev/token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher found = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    assertThat(found.find()).isTrue();
    return found.group(1);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private HttpRequest.Builder authed(String path) {
    return request(path).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String threadId(String stream) {
    Matcher id = THREAD_ID.matcher(stream);
    assertThat(id.find()).as("a thread id in " + stream).isTrue();
    return id.group(1);
  }

  private static void assertNoInternals(String what, String body) {
    Matcher internal = INTERNALS.matcher(body);
    assertThat(internal.find()).as("%s shows internals: %s", what, body).isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
