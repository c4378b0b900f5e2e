package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web page in a real browser: Debian's headless Chromium, driven by playwright-core from Node
 * ({@code src/test/browser/webpage.test.mjs}), signs in with a pasted token, adds a task through
 * the chat, deletes it through the confirmation widget and reloads. The model is the fake OpenAI
 * server, fed here; the script asks for each feed on stdout ({@code NEED …}) and waits for {@code
 * ready}. Screenshots of every step land in {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebPageIT {

  static final Path CHROMIUM =
      Path.of(System.getProperty("tasktalk.chromium", "/usr/bin/chromium"));
  static final Path SCRIPTS = Path.of("src/test/browser");
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final long TIMEOUT_SECONDS = 240;

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @Test
  void theStaticPageAndItsAssets_areServedWithTypesAndCaching_andNothingElseIs() throws Exception {
    Http http = new Http(base.toURI(), null);
    Http.Reply page = http.get("");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.body()).contains("assets/app.js").contains("aria-label=\"Tasks\"");
    Http.Reply js = http.get("assets/app.js");
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.header("Content-Type")).startsWith("text/javascript");
    assertThat(js.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(js.header("ETag")).isNotBlank();
    assertThat(http.get("assets/app.css").header("Content-Type")).startsWith("text/css");
    for (String path :
        List.of(
            "assets/nope.js",
            "assets/..%2FWEB-INF%2Fweb.xml",
            "assets/%2e%2e%2Findex.html",
            "WEB-INF/web.xml",
            "assets/")) {
      assertThat(http.get(path).status()).as(path).isIn(404, 400);
    }
  }

  @Test
  void
      aPersonSignsIn_addsATaskByChat_deletesItThroughTheWidget_andFindsTheConversationAfterAReload()
          throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          "WebPageIT needs Debian's Chromium at "
              + CHROMIUM
              + ": install it with "
              + "`sudo apt-get install -y chromium` (.ci/run installs it when missing)");
    }
    installPlaywright();
    Files.createDirectories(SCREENSHOTS);

    String owner = "web-" + UUID.randomUUID();
    String token = ItEnvironment.keys().token("HS256", owner);
    Http http = new Http(base.toURI(), token);
    FakeOpenAi model = ItEnvironment.openAi();
    model.enqueue(
        ModelReply.tool("add_task", "{\"title\":\"Buy milk\"}"),
        ModelReply.text("I added ‘Buy milk’ to your list."));

    ProcessBuilder node =
        new ProcessBuilder("node", "webpage.test.mjs")
            .directory(SCRIPTS.toFile())
            .redirectErrorStream(true);
    node.environment().put("BASE_URL", base.toString());
    node.environment().put("TOKEN", token);
    node.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString());
    node.environment().put("CHROMIUM", CHROMIUM.toString());
    Process process = node.start();
    List<String> output = new ArrayList<>();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                  process.destroyForcibly();
                }
              } catch (InterruptedException e) {
                process.destroyForcibly();
              }
            });
    watchdog.setDaemon(true);
    watchdog.start();
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer answer =
            new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String line; (line = lines.readLine()) != null; ) {
        output.add(line);
        System.out.println("[browser] " + line);
        if (line.equals("NEED delete")) {
          var items = http.get("api/tasks").json().getJsonArray("items");
          assertThat(items).as("the task the chat added").hasSize(1);
          assertThat(items.getJsonObject(0).getString("title")).isEqualTo("Buy milk");
          String taskId = items.getJsonObject(0).getString("id");
          model.enqueue(
              ModelReply.tool("delete_task", "{\"task_id\":\"" + taskId + "\"}"),
              ModelReply.text("Deleted ‘Buy milk’."));
          answer.write("ready\n");
          answer.flush();
        }
      }
    } finally {
      process.waitFor(10, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
    String transcript = String.join("\n", output);
    assertThat(process.exitValue()).as(transcript).isZero();
    assertThat(output).as(transcript).contains("PASS");
    assertThat(http.get("api/tasks").json().getJsonArray("items"))
        .as("the task is deleted")
        .isEmpty();
    try (var shots = Files.list(SCREENSHOTS)) {
      assertThat(shots.map(p -> p.getFileName().toString()))
          .contains(
              "01-sign-in.png",
              "03-task-added.png",
              "04-confirmation.png",
              "06-task-added-elsewhere.png",
              "07-reloaded.png");
    }
  }

  /** {@code npm ci} (or {@code npm install} without a lock file) of playwright-core, once. */
  private static void installPlaywright() throws IOException, InterruptedException {
    if (Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
      return;
    }
    boolean locked = Files.exists(SCRIPTS.resolve("package-lock.json"));
    Process npm =
        new ProcessBuilder("npm", locked ? "ci" : "install", "--no-audit", "--no-fund")
            .directory(SCRIPTS.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
      fail("npm could not install playwright-core in " + SCRIPTS.toAbsolutePath() + ":\n" + log);
    }
  }
}
