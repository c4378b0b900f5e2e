package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code java -jar target/tasktalk.jar} as a person would: first start, a task and a
 * conversation with an attachment created with a dev token, SIGTERM, restart with all of it intact,
 * SIGKILL cleaned up by the reaper, and a start after that.
 */
class LauncherIT {

  private static final Duration READY = Duration.ofSeconds(240);
  private static final Path JAR =
      Path.of(System.getProperty("tasktalk.jar", "target/tasktalk.jar"));

  @TempDir Path dataDirectory;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<LauncherProcess> launched = new ArrayList<>();
  private int port;

  @AfterEach
  void stopWhateverIsLeft() throws InterruptedException {
    for (LauncherProcess launcher : launched) {
      List<ProcessHandle> children = launcher.process().descendants().toList();
      launcher.process().destroy();
      if (!launcher.process().waitFor(30, TimeUnit.SECONDS)) {
        launcher.process().destroyForcibly();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    Postmaster.find(postgresDirectory())
        .ifPresent(postmaster -> Postmaster.stop(postmaster, Duration.ofSeconds(15)));
  }

  @Test
  void givenEmptyDataDirectory_startStopKillAndRestart_keepsTasksAndLeavesNothingRunning()
      throws Exception {
    port = freePort();
    String base = "http://localhost:" + port;

    LauncherProcess first = start("first");
    List<String> banner = first.awaitBanner(READY);
    assertThat(banner).anySatisfy(l -> assertThat(l).contains(base + "/"));
    assertThat(banner)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("Database: embedded PostgreSQL 17, data in " + postgresDirectory()));
    assertThat(banner).anySatisfy(l -> assertThat(l).contains("Auth:     dev login"));
    assertThat(banner)
        .anySatisfy(
            l -> assertThat(l).contains("TOKEN=$(curl -s -X POST " + base + "/api/dev/token"));
    assertThat(banner)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("curl -H \"Authorization: Bearer $TOKEN\" " + base + "/api/tasks"));

    String token = devToken("alice");
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/tasks"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Buy milk\"}")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(tasks(token)).contains("Buy milk");
    String attachment = uploadAttachment(token, "note.txt", "remember the milk");
    String thread =
        chatKit(
                token,
                "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
                    + "[{\"type\":\"input_text\",\"text\":\"hello\"}],\"attachments\":[\""
                    + attachment
                    + "\"],"
                    + "\"inference_options\":{}}}}")
            .replaceAll("(?s).*?\"id\":\"(thr_[0-9a-f]+)\".*", "$1");
    String conversation =
        chatKit(
            token,
            "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + thread + "\"}}");
    assertThat(conversation)
        .contains("user_message")
        .contains("assistant_message")
        .contains(attachment);

    first.process().destroy(); // SIGTERM
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).as("exit after SIGTERM").isTrue();
    assertNothingRunning(Duration.ofSeconds(5));

    LauncherProcess second = start("second");
    second.awaitBanner(READY);
    assertThat(tasks(token))
        .as("the task and the dev token survive a restart")
        .contains("Buy milk");
    assertThat(
            chatKit(
                token,
                "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + thread + "\"}}"))
        .as("the conversation survives a restart")
        .isEqualTo(conversation);
    assertThat(get(token, "/chatkit/attachments/" + attachment + "/content"))
        .as("attachment bytes survive a restart")
        .isEqualTo("remember the milk");

    List<ProcessHandle> children = second.process().descendants().toList();
    ProcessHandle postmaster = Postmaster.find(postgresDirectory()).orElseThrow();
    second.process().destroyForcibly(); // SIGKILL: only the reaper can clean up now
    assertThat(second.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    awaitAllDead(
        Stream.concat(children.stream(), Stream.of(postmaster)).toList(), Duration.ofSeconds(20));
    assertNothingRunning(Duration.ofSeconds(1));

    LauncherProcess third = start("third");
    third.awaitBanner(READY);
    assertThat(tasks(token)).contains("Buy milk");
    third.process().destroy();
    assertThat(third.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertNothingRunning(Duration.ofSeconds(5));
  }

  private LauncherProcess start(String name) {
    LauncherProcess launcher = LauncherProcess.start(JAR, port, dataDirectory, name);
    launched.add(launcher);
    return launcher;
  }

  private String devToken(String user) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    assertThat(token.find()).as("a token in " + response.body()).isTrue();
    return token.group(1);
  }

  private String tasks(String token) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** Two-phase upload: attachments.create, then the bytes to the upload URL it names. */
  private String uploadAttachment(String token, String name, String content) throws Exception {
    String created =
        chatKit(
            token,
            "{\"type\":\"attachments.create\",\"params\":{\"name\":\""
                + name
                + "\",\"size\":"
                + content.length()
                + ",\"mime_type\":\"text/plain\"}}");
    Matcher id = Pattern.compile("\"id\":\"(atc_[0-9a-f]+)\"").matcher(created);
    assertThat(id.find()).as(created).isTrue();
    HttpResponse<String> uploaded =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/chatkit/attachments/"
                            + id.group(1)
                            + "/upload"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(content)));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    return id.group(1);
  }

  /** One ChatKit request; streams are read to their end. */
  private String chatKit(String token, String body) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chatkit"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private String get(String token, String path) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** No postmaster for our data directory and no Payara on our port, within the given time. */
  private void assertNothingRunning(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    List<String> left = leftovers();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      left = leftovers();
    }
    assertThat(left).as("processes left running").isEmpty();
    assertThat(postgresDirectory().resolve("postmaster.pid")).doesNotExist();
  }

  private List<String> leftovers() {
    String postgres = "-D " + postgresDirectory();
    String payara = "--port " + port + " ";
    return ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains(postgres) || (c.contains("payara-micro") && c.contains(payara)))
        .toList();
  }

  private static void awaitAllDead(List<ProcessHandle> processes, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(
            processes.stream()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")))
        .as("still alive %s after the launcher was killed", within)
        .isEmpty();
  }

  private Path postgresDirectory() {
    return dataDirectory.resolve("postgres");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
