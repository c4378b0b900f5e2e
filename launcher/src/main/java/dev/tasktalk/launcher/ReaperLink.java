package dev.tasktalk.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's end of the pipe to the {@link Reaper}: it tells the reaper what to clean up and,
 * after a clean stop, says {@code bye} so the reaper leaves everything alone.
 */
final class ReaperLink {

  private final Process reaper;
  private final PrintWriter pipe;

  private ReaperLink(Process reaper) {
    this.reaper = reaper;
    this.pipe = new PrintWriter(reaper.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  static ReaperLink start(String java, String classPath) {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx16m",
                    "-Xss256k",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    classPath,
                    Reaper.class.getName()))
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      return new ReaperLink(builder.start());
    } catch (IOException e) {
      throw new LaunchException("cannot start the reaper process: " + e.getMessage(), e);
    }
  }

  void watchPayara(long pid) {
    send(Reaper.PAYARA + pid);
  }

  void watchPostgres(Path dataDirectory) {
    send(Reaper.POSTGRES + dataDirectory);
  }

  /** Everything is stopped: the reaper may exit without touching anything. */
  void release() {
    send(Reaper.BYE);
    pipe.close();
    try {
      if (!reaper.waitFor(2, TimeUnit.SECONDS)) {
        reaper.destroy();
      }
    } catch (InterruptedException e) {
      reaper.destroy();
      Thread.currentThread().interrupt();
    }
  }

  private void send(String line) {
    pipe.println(line);
    if (pipe.checkError()) {
      System.err.println("tasktalk: the reaper process is gone (" + line + " not delivered)");
    }
  }
}
