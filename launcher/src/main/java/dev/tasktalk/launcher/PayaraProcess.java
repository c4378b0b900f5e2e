package dev.tasktalk.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Payara Micro running the WAR at the root context as a child process that shares the launcher's
 * console, and its orderly stop: SIGTERM, a grace period, then SIGKILL.
 */
final class PayaraProcess {

  private final Process process;

  private PayaraProcess(Process process) {
    this.process = process;
  }

  static PayaraProcess start(
      String java,
      List<String> javaOptions,
      Path payaraJar,
      Path war,
      int port,
      Consumer<Map<String, String>> environment) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(javaOptions);
    command.addAll(
        List.of(
            "-jar",
            payaraJar.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster",
            "--disablephonehome"));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    environment.accept(builder.environment());
    try {
      return new PayaraProcess(builder.start());
    } catch (IOException e) {
      throw new LaunchException("cannot start Payara Micro with " + java + ": " + e, e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        System.err.println(
            "tasktalk: Payara did not stop within " + grace.toSeconds() + " s; killing it");
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
