package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CI's build of {@code examples/chatkit-react}: {@code npm ci && npm run build} (which type-checks
 * and bundles with Vite) must succeed within five minutes and leave {@code dist/index.html}. Runs
 * under surefire from the app module's directory; npm's output goes to {@code
 * target/chatkit-react-build.log} and into the failure message.
 */
class ChatKitReactExampleTest {

  static final Path EXAMPLE = Path.of("..", "examples", "chatkit-react");
  static final Path LOG = Path.of("target", "chatkit-react-build.log");
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void theChatKitReactExample_installsFromItsLockFile_andBuilds() throws Exception {
    assertThat(EXAMPLE.resolve("package-lock.json")).as("the example's lock file").isRegularFile();
    Files.createDirectories(LOG.getParent());
    Files.deleteIfExists(LOG);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();

    for (List<String> command :
        List.of(List.of("npm", "ci", "--no-audit", "--no-fund"), List.of("npm", "run", "build"))) {
      int exit = run(command, deadline);
      assertThat(exit)
          .as(String.join(" ", command) + " in " + EXAMPLE.toAbsolutePath() + "\n" + log())
          .isZero();
    }
    assertThat(EXAMPLE.resolve("dist/index.html")).as(log()).isRegularFile();
  }

  private static int run(List<String> command, long deadline)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(EXAMPLE.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
            .start();
    process.getOutputStream().close();
    long left = Math.max(0, deadline - System.nanoTime());
    if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          String.join(" ", command) + " did not finish within " + TIMEOUT + "\n" + log());
    }
    return process.exitValue();
  }

  private static String log() {
    try {
      String text = Files.readString(LOG, StandardCharsets.UTF_8);
      return text.length() > 8000 ? "…" + text.substring(text.length() - 8000) : text;
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
